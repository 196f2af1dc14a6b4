#!/usr/bin/env bash
# What each commit bought: instruction counts (callgrind, repeatable on a noisy machine) of the
# release build of each given commit, per profile of a generated batch and for one one-shot run.
# Usage: scripts/bench/history.sh COMMIT...        (needs valgrind; builds each commit afresh)
# Prints one line a commit: instructions a profile for deactivate, realname and troubleshoot
# (`--jobs 1 --format jsonl` over N=5000 profiles), and of `deactivate` on data/examples/ready.json
# as a table and as json.
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
N=${N:-5000}
WORK=${WORK:-/tmp/wxacct-history}
mkdir -p "$WORK" bench-data
DATA=bench-data/history-$N.jsonl
[ -s "$DATA" ] || python3 scripts/bench/gen_profiles.py "$N" 5 > "$DATA"
export CARGO_TARGET_DIR=$WORK/target
ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null | sed -n 's/.*Collected : //p'; }
for c in "$@"; do
  src=$WORK/src-$c bin=$WORK/wxacct-$c
  if [ ! -x "$bin" ]; then
    rm -rf "$src"; mkdir -p "$src"
    # -m: the files get the time of extraction, so cargo rebuilds (the target dir is shared).
    git -C "$REPO" archive "$c" | tar -x -m -C "$src"
    (cd "$src" && cargo build --release --quiet)
    cp "$CARGO_TARGET_DIR/release/wxacct" "$bin"
  fi
  batch() { ir "$bin" "$1" --jobs 1 --format jsonl --fail-on never --start 2026-11-23 --state "$DATA"; }
  one() { ir "$bin" deactivate --start 2026-11-23 --state "$src/data/examples/ready.json" "$@"; }
  d=$(batch deactivate) r=$(batch realname) t=$(batch troubleshoot)
  echo "$c deactivate $((d / N)) realname $((r / N)) troubleshoot $((t / N)) one-shot-table $(one) one-shot-json $(one --format json)"
done
