#!/usr/bin/env bash
# agree.sh SAMPLE.jsonl — do the benchmark peers compute the same deactivate
# results? Compares (id, verdict, sorted failed blocker ids) per line between
#   jq      peer.jq
#   python  peer.py
#   kb      a generic evaluation of the "fails_when" conditions in data/checks.json
#           (catches a peer that hard-codes a check differently from the data)
#   wxacct  $WXACCT (default target/release/wxacct), if that binary exists
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
import json, os, sys
sample, checks_path, start, tmp = sys.argv[1:]
MISSING = object()

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
    if op == "in":
        return v in arg[1]
    x = arg[1]
    return {"eq": v == x, "ne": v != x}[op] if op in ("eq", "ne") else \
        {"gt": v > x, "lt": v < x, "ge": v >= x, "le": v <= x}[op]

blockers = sorted((c["id"], c["fails_when"]) for c in json.load(open(checks_path))["checks"]
                  if c["severity"] == "blocker" and "deactivate" in c["tasks"])
kb = []
with open(sample, "rb") as f:
    for line in f:
        if line.strip():
            p = json.loads(line)
            res = [(cid, ev(cond, p)) for cid, cond in blockers]
            failed = [cid for cid, t in res if t is True]
            verdict = "blocked" if failed else ("incomplete" if None in [t for _, t in res] else "ready")
            kb.append((p.get("id"), verdict, failed))

def load(name):
    out = []
    for line in open(os.path.join(tmp, name), encoding="utf-8"):
        r = json.loads(line)
        out.append((r.get("id"), r.get("verdict", "error: %s" % r.get("error")), sorted(r.get("failed") or [])))
    return out

results = {"kb": kb, "jq": load("jq"), "python": load("python")}
if os.path.exists(os.path.join(tmp, "wxacct")):
    results["wxacct"] = load("wxacct")
bad = 0
for name, rows in results.items():
    if name == "kb":
        continue
    if len(rows) != len(kb):
        print("MISMATCH %s: %d lines, kb has %d" % (name, len(rows), len(kb)))
        bad += 1
    for i, (a, b) in enumerate(zip(kb, rows), 1):
        if a != b:
            bad += 1
            if bad <= 10:
                print("MISMATCH line %d: kb=%s %s=%s" % (i, json.dumps(a), name, json.dumps(b)))
if bad:
    print("%d mismatches (%d blockers from %s)" % (bad, len(blockers), checks_path))
    sys.exit(1)
counts = {v: sum(1 for r in kb if r[1] == v) for v in ("ready", "blocked", "incomplete")}
print("agree: %s on %d profiles, %d blockers (%s)"
      % (", ".join(results), len(kb), len(blockers), ", ".join("%s %d" % kv for kv in counts.items())))
PY
