//! Tests of the accounts module.

mod auth;
mod checks;
mod exec;
mod fuzz;
mod parsing;
mod patterns;
mod show;
