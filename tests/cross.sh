#!/usr/bin/env bash
# The attendees' other platforms, from Linux.
#
#   bash tests/cross.sh check   type-check and lint for Windows and macOS (CI runs this): the
#                               Rust code for each target, C left out (a stand-in compiler
#                               writes empty objects — `cargo check` links nothing)
#   bash tests/cross.sh smoke   build djsandbox.exe with MinGW and take it through
#                               tests/smoke.sh under Wine (installs both with apt when missing)
#
# A target rustup cannot add (no network) is skipped with a note, not failed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-check}"
target_dir="${CARGO_TARGET_DIR:-target}"

# Add a rustup target; false (with a note) when that is not possible here.
have_target() {
    rustup target list --installed 2>/dev/null | grep -qx "$1" && return 0
    if rustup target add "$1" >/dev/null 2>&1; then return 0; fi
    echo "cross: skipped $1 (rustup cannot add it here)"
    return 1
}

case "$mode" in
check)
    fake="$(mktemp -d)"
    trap 'rm -rf "$fake"' EXIT
    # Compiles nothing: `-o FILE` (or MSVC's `-FoFILE`) gets an empty file, enough for an
    # archive nobody links.
    cat > "$fake/cc" <<'SH'
#!/bin/sh
out=""
while [ $# -gt 0 ]; do
    case "$1" in -o) out="$2"; shift ;; -o*) out="${1#-o}" ;; -Fo*) out="${1#-Fo}" ;; esac
    shift
done
[ -n "$out" ] && : > "$out"
exit 0
SH
    chmod +x "$fake/cc"
    for target in x86_64-pc-windows-gnu aarch64-apple-darwin; do
        have_target "$target" || continue
        env_target="${target//-/_}"
        env "CC_$env_target=$fake/cc" "AR_$env_target=ar" \
            cargo clippy --quiet --target "$target" --all-targets -- -D warnings
        echo "cross: $target checks clean"
    done
    ;;
smoke)
    target=x86_64-pc-windows-gnu
    have_target "$target" || exit 0
    if ! command -v x86_64-w64-mingw32-gcc >/dev/null || ! [ -x /usr/lib/wine/wine64 ]; then
        apt-get install -y -qq gcc-mingw-w64-x86-64 wine64 >/dev/null
    fi
    cargo build --release --quiet --target "$target"
    release="$(cd "$target_dir/$target/release" && pwd)"
    wine_dir="$(mktemp -d)"
    trap 'rm -rf "$wine_dir"' EXIT
    # Rust's std asks Windows 10+'s bcryptprimitives.dll for random bytes; Wine before 9 lacks
    # it. A stand-in beside the exe (for Wine only; Windows has its own) gives them.
    printf '%s\n' '#include <windows.h>' '#include <ntsecapi.h>' \
        '__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE d, SIZE_T n) { return RtlGenRandom(d, (ULONG)n); }' \
        > "$wine_dir/prng.c"
    [ -f "$release/bcryptprimitives.dll" ] ||
        x86_64-w64-mingw32-gcc -shared -o "$release/bcryptprimitives.dll" "$wine_dir/prng.c" -ladvapi32
    printf '#!/bin/sh\nWINEDEBUG=-all exec /usr/lib/wine/wine64 "%s/djsandbox.exe" "$@"\n' "$release" > "$wine_dir/djsandbox"
    chmod +x "$wine_dir/djsandbox"
    SMOKE_FILE="$release/djsandbox.exe" bash tests/smoke.sh "$wine_dir/djsandbox"
    ;;
*)
    echo "usage: bash tests/cross.sh [check|smoke]" >&2
    exit 2
    ;;
esac
