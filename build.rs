//! The exercise set and the scenarios are compiled into the binary (include_dir); rebuild when
//! any of their files changes, as cargo cannot see into `include_dir!` by itself.

fn main() {
    println!("cargo:rerun-if-changed=exercises");
    println!("cargo:rerun-if-changed=scenarios");
}
