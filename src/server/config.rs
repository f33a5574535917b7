//! `dj.config`: DataJoint 0.14's settings, their defaults and validation, and the
//! `dj_local_conf.json` file format.
