#!/usr/bin/env bash
# Scale-out on an existing engine: wxacct inside Apache Spark, through RDD.pipe, in local mode
# with several partitions, checked against one plain run. Installs what it needs (a JRE from
# Debian's packages, pyspark from PyPI); it downloads a lot, so it is not part of .ci/run.
# Usage: scripts/scale/spark.sh [N=200000] [PARTITIONS=8] [SEED=7]
# The run recorded in docs/scale-out.md is this script's output.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-200000}
PARTITIONS=${2:-8}
SEED=${3:-7}
START=2026-11-23
WORK=scale-data
mkdir -p "$WORK"

# What Spark needs: Java (Debian's JRE) and pyspark (PyPI, with spark-submit).
if ! command -v java > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless > /dev/null
fi
python3 -c 'import pyspark' 2> /dev/null || python3 -m pip install --quiet pyspark
SPARK_SUBMIT=$(command -v spark-submit || echo "$(python3 -c 'import pyspark, os; print(os.path.dirname(pyspark.__file__))')/bin/spark-submit")
cargo build --release --quiet
WX=target/release/wxacct

INPUT="$WORK/profiles-$N.jsonl"
[ -s "$INPUT" ] || python3 scripts/bench/gen_profiles.py "$N" "$SEED" > "$INPUT"
echo "input: $N profiles, $(du -h "$INPUT" | cut -f1), at least $PARTITIONS partitions; $(java -version 2>&1 | head -n 1); pyspark $(python3 -c 'import pyspark; print(pyspark.__version__)')"

# One plain run: the reference.
t0=$(date +%s.%N)
"$WX" deactivate --state "$INPUT" --format jsonl --fail-on never --quiet --start "$START" > "$WORK/single.jsonl"
t1=$(date +%s.%N)
echo "single run: $(wc -l < "$WORK/single.jsonl") results in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"

# The same through Spark, the binary shipped as a file as on a real cluster.
t0=$(date +%s.%N)
"$SPARK_SUBMIT" --master "local[2]" --files "$WX" scripts/scale/spark_pipe.py \
  "$INPUT" "$INPUT" "$PARTITIONS" "$START" "$WORK/spark.jsonl" 2> "$WORK/spark.log"
t1=$(date +%s.%N)
echo "spark-submit, start to end: $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.1f", b-a}') s"

if cmp -s "$WORK/single.jsonl" "$WORK/spark.jsonl"; then
  echo "equal: the Spark run gives the single run's $(wc -l < "$WORK/spark.jsonl") results, byte for byte (sorted by source)"
else
  echo "DIFFERENT: see diff $WORK/single.jsonl $WORK/spark.jsonl" >&2
  exit 1
fi
