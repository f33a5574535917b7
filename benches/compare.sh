#!/usr/bin/env bash
# Runs the workload on the sandbox (release build) and, when the oracle is installed
# (../shared/oracle/setup.sh), on real DataJoint + MariaDB, and prints each phase's ratio.
# A development aid: CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -q
sandbox=$(./target/release/djsandbox run --fresh --timeout 600 benches/perf_workload.rhai)
oracle_py=/opt/djoracle/bin/python
workload=../shared/oracle/perf_workload.py
if [ -x "$oracle_py" ] && [ -f "$workload" ]; then
  oracle=$("$oracle_py" "$workload")
else
  echo "$sandbox"
  echo "(no oracle here: ratios need ../shared/oracle/setup.sh)"
  exit 0
fi
printf '%-18s %12s %12s %8s\n' phase "sandbox (s)" "oracle (s)" ratio
while read -r name secs; do
  o=$(echo "$oracle" | awk -v n="$name" '$1 == n {print $2}')
  [ -n "$o" ] && awk -v n="$name" -v s="$secs" -v o="$o" 'BEGIN { printf "%-18s %12.4f %12.4f %7.0fx\n", n, s, o, (s > 0 ? o / s : 0) }'
done <<< "$sandbox"
