#!/usr/bin/env bash
# Runs the workload on the sandbox (release build) and, when the oracle is installed
# (../shared/oracle/setup.sh), on real DataJoint + MariaDB, each RUNS times (default 5), and
# prints each phase's best time and the ratio. Best-of-N, because a shared machine's noise
# only ever adds time. A development aid: CI does not run it.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
cargo build --release -q
best() { awk '{ if (!($1 in m) || $2 < m[$1]) m[$1] = $2; if (!($1 in o)) { o[$1] = n++ } }
              END { for (k in o) print o[k], k, m[k] }' | sort -n | cut -d' ' -f2-; }
sandbox=$(for _ in $(seq "$runs"); do ./target/release/djsandbox run --fresh --timeout 600 benches/perf_workload.rhai; done | grep -v '^\[' | best)
oracle_py=/opt/djoracle/bin/python
workload=../shared/oracle/perf_workload.py
if [ -x "$oracle_py" ] && [ -f "$workload" ]; then
  oracle=$(for _ in $(seq "$runs"); do "$oracle_py" "$workload"; done | best)
else
  echo "$sandbox"
  echo "(no oracle here: ratios need ../shared/oracle/setup.sh)"
  exit 0
fi
printf '%-18s %12s %12s %8s\n' phase "sandbox (s)" "oracle (s)" ratio
ts=0; to=0
while read -r name secs; do
  o=$(echo "$oracle" | awk -v n="$name" '$1 == n {print $2}')
  [ -z "$o" ] && continue
  awk -v n="$name" -v s="$secs" -v o="$o" 'BEGIN { printf "%-18s %12.4f %12.4f %7.0fx\n", n, s, o, (s > 0 ? o / s : 0) }'
  ts=$(awk -v a="$ts" -v b="$secs" 'BEGIN { print a + b }'); to=$(awk -v a="$to" -v b="$o" 'BEGIN { print a + b }')
done <<< "$sandbox"
# The issue's target is the whole workload: at least 20x.
awk -v s="$ts" -v o="$to" 'BEGIN { printf "%-18s %12.4f %12.4f %7.0fx\n", "whole workload", s, o, o / s }'
