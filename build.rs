//! The exercise set and the scenarios are compiled into the binary (include_dir); rebuild when
//! any of their files changes, as cargo cannot see into `include_dir!` by itself. The set's
//! version (how many exercises, and a digest of every file) goes into `djsandbox --version`.

use std::path::Path;

/// Every file under `dir`, sorted, so the digest does not depend on the file system's order.
fn files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    println!("cargo:rerun-if-changed=exercises");
    println!("cargo:rerun-if-changed=scenarios");
    let root = Path::new("exercises");
    let mut all = Vec::new();
    files(root, &mut all);
    // FNV-1a over each file's path (with `/` separators) and bytes: stable across platforms.
    let mut digest: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            digest ^= u64::from(*b);
            digest = digest.wrapping_mul(0x0100_0000_01b3);
        }
    };
    let mut exercises = 0;
    for path in &all {
        let rel = path.strip_prefix(root).unwrap_or(path);
        let rel: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
        eat(rel.join("/").as_bytes());
        // Line endings as checked out (git may give CRLF on Windows) must not change the digest.
        eat(&std::fs::read(path).unwrap_or_default().into_iter().filter(|b| *b != b'\r').collect::<Vec<u8>>());
        exercises += usize::from(path.file_name().is_some_and(|n| n == "exercise.toml"));
    }
    println!("cargo:rustc-env=DJSANDBOX_EXERCISE_SET={exercises} exercises, set {:08x}", digest >> 32);
}
