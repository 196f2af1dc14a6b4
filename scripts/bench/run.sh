#!/usr/bin/env bash
# One-command benchmark of wxacct against its peers, on one generated file, printed side by side:
#   - batch `deactivate --format jsonl` on 1 and 2 cores, the serde_json and sonic-rs typed-parse
#     floors, the Python and jq peers; every task subcommand on one core; what two cores give
#     this machine: two serde_json floors at once, each on one half of the file;
#   - every batch format and `--detail full` on 2 cores (ics takes one profile only);
#   - peak RSS of each run, and the one-shot runs (hyperfine, when installed).
# Usage: scripts/bench/run.sh [N=100000] [SEED=1]      (prints Markdown)
#        scripts/bench/run.sh --quick                  (N=2000, one round: a smoke run)
# Fast runs are interleaved: each of ROUNDS (default 5) rounds runs every program once in turn,
# and the median wall time counts (the machine is shared, so ratios mean more than seconds); the
# targets also show each ratio taken round by round, then its median.
# Formats and `--detail full` run FORMAT_ROUNDS times (default 1); jq and Python run once.
# Output bytes a profile are measured on the sample.
# The agreement check (agree.sh) runs first on up to 20,000 profiles of the same file.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" = "--quick" ]; then
  N=2000 SEED=1 ROUNDS=${ROUNDS:-1} ONE_SHOT_RUNS=${ONE_SHOT_RUNS:-20}
else
  N=${1:-100000} SEED=${2:-1}
fi
ROUNDS=${ROUNDS:-5}
FORMAT_ROUNDS=${FORMAT_ROUNDS:-1}
ONE_SHOT_RUNS=${ONE_SHOT_RUNS:-300}
START=2026-11-23
DATA=bench-data
mkdir -p "$DATA"
FILE="$DATA/profiles-$N-$SEED.jsonl"
[ -s "$FILE" ] || python3 scripts/bench/gen_profiles.py "$N" "$SEED" > "$FILE"
cargo build --release --quiet
cargo build --release --quiet --manifest-path scripts/bench/floor/Cargo.toml
WX=target/release/wxacct
FLOOR=scripts/bench/floor/target/release/floor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
# The file's two halves, for two floors at once.
HALF=$(( (N + 1) / 2 ))
head -n "$HALF" "$FILE" > "$TMP/half-1.jsonl"
tail -n +"$((HALF + 1))" "$FILE" > "$TMP/half-2.jsonl"
printf '%s\n' "$FLOOR $TMP/half-1.jsonl & $FLOOR $TMP/half-2.jsonl; wait" > "$TMP/two-floors.sh"

# Same answers first: jq, Python, the data's conditions and wxacct agree on a sample.
head -n 20000 "$FILE" > "$DATA/sample.jsonl"
WXACCT=$WX bash scripts/bench/agree.sh "$DATA/sample.jsonl" >&2

# run NAME COMMAND...: one run, output to /dev/null; appends "NAME seconds peak_kib" to
# $TMP/runs (the wall time from the shell's clock, finer than time's; the peak RSS from
# /usr/bin/time). Output sizes are measured on the sample instead (full results of a million
# profiles are tens of gigabytes).
run() {
  local name=$1 t0 t1; shift
  t0=$EPOCHREALTIME
  /usr/bin/time -o "$TMP/time" -f "%M" "$@" > /dev/null 2> /dev/null || true
  t1=$EPOCHREALTIME
  echo "$name $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", b - a }') $(tail -n 1 "$TMP/time")" >> "$TMP/runs"
}
# size NAME COMMAND...: bytes a profile of the command's output on the sample.
size() {
  local name=$1; shift
  echo "$name $("$@" 2> /dev/null | wc -c) $(wc -l < "$DATA/sample.jsonl")" >> "$TMP/sizes"
}
declare -a names=() cmds=()
add() { names+=("$1"); cmds+=("$2"); }
jsonl() { echo "$WX $1 --fail-on never --start $START --jobs $2 --format jsonl --state $FILE"; }
add "deactivate --jobs 1"   "$(jsonl deactivate 1)"
add "deactivate --jobs 2"   "$(jsonl deactivate 2)"
add "floor serde_json"      "$FLOOR $FILE"
add "floor sonic-rs"        "$FLOOR --sonic $FILE"
add "floor serde_json, two halves at once" "bash $TMP/two-floors.sh"
add "realname --jobs 1"     "$(jsonl realname 1)"
add "unbind-qq --jobs 1"    "$(jsonl unbind-qq 1)"
add "troubleshoot --jobs 1" "$(jsonl troubleshoot 1)"
: > "$TMP/runs"
for _ in $(seq "$ROUNDS"); do
  for i in "${!names[@]}"; do
    read -r -a words <<< "${cmds[$i]}"
    run "${names[$i]}" "${words[@]}"
  done
done
: > "$TMP/sizes"
for f in "jsonl" "table" "json --detail summary" "json" "jsonl --detail full" "markdown" "markdown --detail full" "junit" "github"; do
  # shellcheck disable=SC2086 # $f holds the flag's words
  size "--format $f" "$WX" deactivate --fail-on never --start "$START" --jobs 2 --format $f --state "$DATA/sample.jsonl"
  [ "$f" = jsonl ] && continue # timed above
  for _ in $(seq "$FORMAT_ROUNDS"); do
    # shellcheck disable=SC2086
    run "--format $f" "$WX" deactivate --fail-on never --start "$START" --jobs 2 --format $f --state "$FILE"
  done
done
run "python3 peer.py" python3 scripts/bench/peer.py --start "$START" "$FILE"
run "jq -f peer.jq" jq -c --arg start "$START" -f scripts/bench/peer.jq "$FILE"

# The median wall, the highest peak RSS and the output size of each program.
python3 - "$TMP/runs" "$N" "$FILE" "$TMP/sizes" <<'PY'
import statistics, sys, os
path, n, file, sizes = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
runs = {}
for line in open(path):
    *name, secs, kib = line.split()
    runs.setdefault(" ".join(name), []).append((float(secs), int(kib)))
med = {k: statistics.median(s for s, _ in v) for k, v in runs.items()}
# The same ratio taken round by round (the programs of a round ran minutes apart at most), then
# the median: a slow spell of the shared machine moves it less than the ratio of the medians.
def per_round(a, b):
    return statistics.median(x / y for (x, _), (y, _) in zip(runs[a], runs[b]))
rss = {k: max(m for _, m in v) / 1024 for k, v in runs.items()}
out = {}
for line in open(sizes):
    *name, size, lines = line.split()
    out[" ".join(name)] = int(size) / int(lines)
one, two = med["deactivate --jobs 1"], med["deactivate --jobs 2"]
floor, sonic = med["floor serde_json"], med["floor sonic-rs"]
size_mb = os.path.getsize(file) / 1e6
print(f"Profiles: {n} ({size_mb:.0f} MB, {size_mb * 1e6 / n:.0f} bytes a line), machine: {os.cpu_count()} cores; "
      f"medians of {len(runs['deactivate --jobs 1'])} interleaved rounds")
print()
print("| program | wall s | profiles/s | peak RSS MiB | ÷ wxacct --jobs 1 | ÷ serde_json floor |")
print("|---|---:|---:|---:|---:|---:|")
rows = ["deactivate --jobs 1", "deactivate --jobs 2", "floor serde_json", "floor sonic-rs",
        "floor serde_json, two halves at once", "realname --jobs 1", "unbind-qq --jobs 1", "troubleshoot --jobs 1", "python3 peer.py", "jq -f peer.jq"]
for k in rows:
    s = med[k]
    label = k if k.startswith(("floor", "python", "jq")) else "wxacct " + k + " (jsonl)"
    print(f"| {label} | {s:.2f} | {n / s:.0f} | {rss[k]:.1f} | {s / one:.2f} | {s / floor:.2f} |")
print()
print("| format (deactivate, --jobs 2) | wall s | peak RSS MiB | output bytes a profile | ÷ jsonl --jobs 2 |")
print("|---|---:|---:|---:|---:|")
print(f"| `--format jsonl` | {two:.2f} | {rss['deactivate --jobs 2']:.1f} | {out['--format jsonl']:.0f} | 1.00 |")
for k in runs:
    if k.startswith("--format"):
        print(f"| `{k}` | {med[k]:.2f} | {rss[k]:.1f} | {out[k]:.0f} | {med[k] / two:.2f} |")
print()
print("| target (issue 14) | result |")
print("|---|---|")
rounds = f"median of the {len(runs['deactivate --jobs 1'])} rounds' own ratios"
print(f"| `deactivate --format jsonl --jobs 1` within 1.3× of the serde_json floor | {one / floor:.2f}× "
      f"({per_round('deactivate --jobs 1', 'floor serde_json'):.2f}×, {rounds}) |")
two_floors = "floor serde_json, two halves at once"
print(f"| `--jobs 2` at least 1.7× faster than `--jobs 1` | {one / two:.2f}× "
      f"({1 / per_round('deactivate --jobs 2', 'deactivate --jobs 1'):.2f}×); what two cores give "
      f"this machine, two floors at once on the two halves ÷ one floor on the whole file: "
      f"{floor / med[two_floors]:.2f}× ({1 / per_round(two_floors, 'floor serde_json'):.2f}×) |")
for t in ("realname", "unbind-qq", "troubleshoot"):
    print(f"| `{t}` within 1.3× of `deactivate` (jsonl, 1 core) | {med[t + ' --jobs 1'] / one:.2f}× "
          f"({per_round(t + ' --jobs 1', 'deactivate --jobs 1'):.2f}×) |")
print(f"| sonic-rs floor ÷ serde_json floor | {sonic / floor:.2f} |")
full_json, full_jsonl = out["--format json"], out["--format jsonl --detail full"]
print(f"| `references` once per json document: bytes a profile, json vs jsonl `--detail full` (which repeats them) | "
      f"{full_json:.0f} vs {full_jsonl:.0f} ({100 * (1 - full_json / full_jsonl):.1f} % less) |")
print(f"| jq program ÷ wxacct `--jobs 1`; Python ÷ wxacct `--jobs 1` | {med['jq -f peer.jq'] / one:.1f}; {med['python3 peer.py'] / one:.1f} |")
print(f"| peak RSS, every format and detail, `--jobs 2` | at most {max(rss[k] for k in runs if k.startswith('--format') or k == 'deactivate --jobs 2'):.1f} MiB |")
PY

# One-shot: one profile, table and json, against `jq .` on the same file and `--version`; and
# the table as a person types it, without `--start` (today, from the local time zone).
ONE=data/examples/ready.json
echo
if command -v hyperfine > /dev/null; then
  hyperfine -N --warmup 20 --runs "$ONE_SHOT_RUNS" --export-markdown "$TMP/one.md" --time-unit millisecond \
    "$WX deactivate --start $START --state $ONE" \
    "$WX deactivate --start $START --state $ONE --format json" \
    "$WX deactivate --state $ONE" \
    "$WX --version" "jq . $ONE" > /dev/null 2>&1
  echo "One-shot (hyperfine, $ONE_SHOT_RUNS runs):"
  echo
  cat "$TMP/one.md"
else
  echo "One-shot: hyperfine is not installed (apt-get install hyperfine)."
fi
