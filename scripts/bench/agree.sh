#!/usr/bin/env bash
# agree.sh SAMPLE.jsonl — do the benchmark peers compute the same deactivate
# results? Compares per line the id, verdict, failed and unknown blocker ids, failed
# warning ids and ready_on (earliest, latest, provisional) between
#   jq      peer.jq
#   python  peer.py
#   wxacct  $WXACCT (default target/release/wxacct), if that binary exists
# and the check ids (not ready_on) with
#   kb      a generic evaluation of the "fails_when" conditions in data/checks.json
#           (catches a peer that hard-codes a check differently from the data)
# Prints "agree: …" and exits 0, or the first mismatches and exits 1.
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: agree.sh SAMPLE.jsonl" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
SAMPLE=$1
START=2026-11-23
WXACCT=${WXACCT:-$ROOT/target/release/wxacct}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

jq -c --arg start "$START" -f "$HERE/peer.jq" "$SAMPLE" > "$TMP/jq"
python3 "$HERE/peer.py" --start "$START" "$SAMPLE" > "$TMP/python"
if [ -x "$WXACCT" ]; then
  rc=0
  "$WXACCT" deactivate --start "$START" --format jsonl --fail-on never --state "$SAMPLE" \
    > "$TMP/wxacct" 2> "$TMP/wxacct.err" || rc=$?
  [ "$rc" -eq 0 ] || { echo "note: wxacct exited $rc; stderr starts:"; head -3 "$TMP/wxacct.err"; }
else
  echo "note: no wxacct binary at $WXACCT (set WXACCT=...); comparing the peers only"
fi

python3 - "$SAMPLE" "$ROOT/data/checks.json" "$START" "$TMP" <<'PY'
import datetime, json, os, sys
sample, checks_path, start, tmp = sys.argv[1:]
MISSING = object()

# Day counters count up to the profile's as_of and are compared as they stand on --start
# (Val::Days in src/profile/field.rs).
DAY_COUNTERS = {"account.days_since_security_change"}
START = datetime.date.fromisoformat(start)

def get(obj, path):
    for part in path.split("."):
        if not isinstance(obj, dict) or part not in obj:
            return MISSING
        obj = obj[part]
    return obj

def any3(ts):
    ts = list(ts)
    return True if True in ts else (None if None in ts else False)

def ev(c, p):
    """Kleene evaluation of one fails_when condition: True, False or None (unknown)."""
    (op, arg), = c.items()
    if op in ("any", "all", "not"):
        if op == "not":
            t = ev(arg, p)
            return None if t is None else not t
        ts = [ev(x, p) for x in arg]
        if op == "any":
            return any3(ts)
        return False if False in ts else (None if None in ts else True)
    if op == "after_start":
        v = get(p, arg)
        return None if v is MISSING else (v is not None and v > start)
    if op == "nonempty":
        v = get(p, arg)
        return None if v is MISSING or v is None else len(v) > 0
    if op == "any_item":
        v = get(p, arg[0])
        return None if v is MISSING or v is None else any3(ev(arg[1], item) for item in v)
    v = get(p, arg[0])
    if v is MISSING or v is None:
        return None
    if arg[0] in DAY_COUNTERS:
        as_of = p.get("as_of")
        v += (START - datetime.date.fromisoformat(as_of)).days if as_of else 0
    if op == "in":
        return v in arg[1]
    x = arg[1]
    return {"eq": v == x, "ne": v != x}[op] if op in ("eq", "ne") else \
        {"gt": v > x, "lt": v < x, "ge": v >= x, "le": v <= x}[op]

checks = sorted((c["id"], c["severity"], c["fails_when"]) for c in json.load(open(checks_path))["checks"]
                if c["severity"] in ("blocker", "warning") and "deactivate" in c["tasks"]
                and not c.get("severity_when"))
blockers = sum(1 for c in checks if c[1] == "blocker")
kb = []
with open(sample, "rb") as f:
    for line in f:
        if line.strip():
            p = json.loads(line)
            res = [(cid, sev, ev(cond, p)) for cid, sev, cond in checks]
            failed = [cid for cid, sev, t in res if sev == "blocker" and t is True]
            unknown = [cid for cid, sev, t in res if sev == "blocker" and t is None]
            warnings = [cid for cid, sev, t in res if sev == "warning" and t is True]
            verdict = "blocked" if failed else ("incomplete" if unknown else "ready")
            kb.append({"id": p.get("id"), "verdict": verdict, "failed": failed, "unknown": unknown,
                       "warnings": warnings})

FIELDS = ("id", "verdict", "failed", "unknown", "warnings", "ready_on")

def load(name):
    out = []
    for line in open(os.path.join(tmp, name), encoding="utf-8"):
        r = json.loads(line)
        if "error" in r:
            r["verdict"] = "error: %s" % r["error"]
        out.append({k: sorted(r.get(k) or []) if k in ("failed", "unknown", "warnings") else r.get(k)
                    for k in FIELDS})
    return out

results = {"jq": load("jq"), "python": load("python")}
if os.path.exists(os.path.join(tmp, "wxacct")):
    results["wxacct"] = load("wxacct")
bad = 0
def compare(a_name, a_rows, b_name, b_rows, fields):
    global bad
    if len(a_rows) != len(b_rows):
        print("MISMATCH %s: %d lines, %s has %d" % (b_name, len(b_rows), a_name, len(a_rows)))
        bad += 1
    for i, (a, b) in enumerate(zip(a_rows, b_rows), 1):
        a, b = ({k: r[k] for k in fields} for r in (a, b))
        if a != b:
            bad += 1
            if bad <= 10:
                print("MISMATCH line %d: %s=%s\n  %s=%s" % (i, a_name, json.dumps(a), b_name, json.dumps(b)))
for name, rows in results.items():
    compare("kb", kb, name, rows, FIELDS[:-1])
    if name != "python":
        compare("python", results["python"], name, rows, FIELDS)
if bad:
    print("%d mismatches (%d checks from %s)" % (bad, len(checks), checks_path))
    sys.exit(1)
rows = results["python"]
counts = {v: sum(1 for r in rows if r["verdict"] == v) for v in ("ready", "blocked", "incomplete")}
dated = sum(1 for r in rows if r["ready_on"] and r["ready_on"]["latest"] != start)
print("agree: kb, %s on %d profiles: id, verdict, failed, unknown, warnings (%d blockers, %d warnings)"
      "; ready_on too between %s (%d of them after --start, %d null)"
      % (", ".join(results), len(kb), blockers, len(checks) - blockers, ", ".join(results), dated,
         sum(1 for r in rows if r["ready_on"] is None)))
print("verdicts: %s" % ", ".join("%s %d" % kv for kv in counts.items()))
PY
