#!/usr/bin/env bash
# One-command benchmark: wxacct deactivate --format jsonl (1 and 2 jobs) against a jq program,
# a Python script and a plain serde_json typed parse, on the same generated file.
# Usage: scripts/bench/run.sh [N=100000] [SEED=1]     (prints a Markdown table)
# Fast programs run RUNS=3 times and the best wall time counts; jq and Python run once.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SEED=${2:-1}
START=2026-11-23
DATA=bench-data
mkdir -p "$DATA"
FILE="$DATA/profiles-$N-$SEED.jsonl"
[ -s "$FILE" ] || python3 scripts/bench/gen_profiles.py "$N" "$SEED" > "$FILE"
cargo build --release --quiet
cargo build --release --quiet --manifest-path scripts/bench/floor/Cargo.toml
WX=target/release/wxacct
FLOOR=scripts/bench/floor/target/release/floor

# Same answers first: jq, Python and wxacct agree on a sample.
head -n 2000 "$FILE" > "$DATA/sample.jsonl"
WXACCT=$WX bash scripts/bench/agree.sh "$DATA/sample.jsonl" >&2

measure() { # runs, name, command...; prints "name best_seconds peak_kib" (best wall of the runs, highest RSS)
  local runs=$1 name=$2; shift 2
  local best="" peak=0 t s k
  for _ in $(seq "$runs"); do
    t=$( { /usr/bin/time -f "%e %M" "$@" > /dev/null; } 2>&1 | tail -n 1)
    s=${t% *}; k=${t#* }
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN{exit !(a < b)}'; then best=$s; fi
    [ "$k" -gt "$peak" ] && peak=$k
  done
  echo "$name $best $peak"
}
R=${RUNS:-3}
rows=()
rows+=("$(measure "$R" "wxacct --jobs 1" $WX deactivate --format jsonl --fail-on never --start $START --jobs 1 --state "$FILE")")
rows+=("$(measure "$R" "wxacct --jobs 2" $WX deactivate --format jsonl --fail-on never --start $START --jobs 2 --state "$FILE")")
rows+=("$(measure "$R" "serde_json parse floor (1 core)" $FLOOR "$FILE")")
rows+=("$(measure 1 "python3 peer.py" python3 scripts/bench/peer.py --start $START "$FILE")")
rows+=("$(measure 1 "jq -f peer.jq" jq -c --arg start $START -f scripts/bench/peer.jq "$FILE")")

size=$(du -m "$FILE" | cut -f1)
echo "Profiles: $N ($size MB, seed $SEED), machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB"
echo
echo "| program | wall s | profiles/s | peak RSS MiB | wall ÷ wxacct --jobs 1 |"
echo "|---|---:|---:|---:|---:|"
base=$(echo "${rows[0]}" | awk '{print $(NF-1)}')
for r in "${rows[@]}"; do
  name=$(echo "$r" | awk '{$NF=""; $(NF-1)=""; print}' | sed 's/ *$//')
  secs=$(echo "$r" | awk '{print $(NF-1)}')
  kib=$(echo "$r" | awk '{print $NF}')
  awk -v n="$name" -v s="$secs" -v k="$kib" -v N="$N" -v b="$base" \
    'BEGIN { printf "| %s | %.2f | %.0f | %.1f | %.2f |\n", n, s, (s > 0 ? N / s : 0), k / 1024, (b > 0 ? s / b : 0) }'
done

# One-shot: one profile, wxacct vs jq . on the same file. hyperfine when installed
# (apt-get install hyperfine), else the mean of 200 runs in a shell loop.
ONE=data/examples/wallet-blocked.json
echo
if command -v hyperfine > /dev/null; then
  hyperfine -N -i --warmup 20 --runs 300 --style basic \
    "$WX deactivate --start $START --state $ONE" "$WX deactivate --start $START --state $ONE --format jsonl" "jq . $ONE" 2>&1 |
    grep -E "^Benchmark|Time \(mean|Range"
else
  loop() { local s e; s=$(date +%s%N); for _ in $(seq 200); do "$@" > /dev/null || true; done; e=$(date +%s%N); echo $(( (e - s) / 200000 )); }
  wx_us=$(loop $WX deactivate --start $START --state $ONE)
  jq_us=$(loop jq . $ONE)
  echo "One-shot on $ONE (mean of 200 runs): wxacct $((wx_us / 1000)).$(( (wx_us % 1000) / 100 )) ms, jq . $((jq_us / 1000)).$(( (jq_us % 1000) / 100 )) ms"
fi
