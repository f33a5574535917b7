//! The `djsandbox` binary.

fn main() {
    println!(
        "djsandbox {}: the DataJoint engine is in place; the workshop course arrives in a later release.",
        env!("CARGO_PKG_VERSION")
    );
}
