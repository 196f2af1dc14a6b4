#!/usr/bin/env bash
# Peak memory of wxacct on a large input, for every format and input shape (issue 12, item 5):
# JSON lines and a one-line JSON array (as `jq -c` writes it), each from a file and from
# standard input. The target is under 64 MiB everywhere.
# Usage: scripts/bench/memory.sh [N=200000] [SEED=1] [JOBS=2]   (prints a Markdown table)
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200000}
SEED=${2:-1}
JOBS=${3:-2}
START=2026-11-23
DATA=bench-data
mkdir -p "$DATA"
LINES="$DATA/profiles-$N-$SEED.jsonl"
ARRAY="$DATA/profiles-$N-$SEED.array.json"
[ -s "$LINES" ] || python3 scripts/bench/gen_profiles.py "$N" "$SEED" > "$LINES"
if [ ! -s "$ARRAY" ]; then
  { printf '['; paste -sd, "$LINES" | tr -d '\n'; printf ']'; } > "$ARRAY"
fi
cargo build --release --quiet
WX=target/release/wxacct

TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
peak() { # stdin-file, args... : prints "seconds peak_kib"
  local input=$1; shift
  /usr/bin/time -o "$TIMES" -f "%e %M" "$WX" "$@" < "$input" > /dev/null 2> /dev/null || true
  tail -n 1 "$TIMES"
}

echo "Profiles: $N (lines $(du -m "$LINES" | cut -f1) MB, one-line array $(du -m "$ARRAY" | cut -f1) MB), --jobs $JOBS, $(nproc) cores"
echo
echo "| format | lines file | lines stdin | array file | array stdin |"
echo "|---|---:|---:|---:|---:|"
for format in "jsonl" "jsonl --detail full" "json --detail summary" "json" "table" "markdown --detail full" "junit"; do
  row="| \`--format $format\` |"
  for shape in "lines file" "lines stdin" "array file" "array stdin"; do
    case $shape in
      "lines file") state=$LINES; input=/dev/null ;;
      "lines stdin") state=-; input=$LINES ;;
      "array file") state=$ARRAY; input=/dev/null ;;
      "array stdin") state=-; input=$ARRAY ;;
    esac
    # shellcheck disable=SC2086 # $format holds the flag and its words
    read -r secs kib <<< "$(peak "$input" deactivate --format $format --fail-on never --start $START --jobs "$JOBS" --state "$state")"
    row="$row $(awk -v k="$kib" 'BEGIN { printf "%.1f MiB", k / 1024 }') ($secs s) |"
  done
  echo "$row"
done
