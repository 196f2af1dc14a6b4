"""spark_pipe.py INPUT LABEL PARTITIONS START OUTPUT

Runs `wxacct deactivate --format jsonl` over the JSON-lines file INPUT inside Apache Spark: the
lines are split into PARTITIONS partitions and each partition is piped through the wxacct binary
shipped with `spark-submit --files` (RDD.pipe). Each result's `source` (`-:N`, the line within
its partition) is set back to `LABEL:LINE`, the line in INPUT, so that the results can be
compared with one plain run; they are written to OUTPUT sorted by that line. Prints the time
the Spark job took.
"""
import os
import re
import sys
import time

from pyspark import SparkFiles
from pyspark.sql import SparkSession

SOURCE = re.compile(r'"source":"-(?::\d+)?"')


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    input_path, label, partitions, start, output = sys.argv[1:]
    spark = SparkSession.builder.appName("wxacct-scale-out").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("WARN")
    began = time.time()
    lines = sc.textFile(input_path, int(partitions))
    indexed = lines.zipWithIndex()
    # On a cluster the shipped binary sits in each executor's working directory; in local mode
    # the driver's SparkFiles directory holds it.
    env = dict(os.environ)
    if sc.master.startswith("local"):
        env["WXACCT"] = SparkFiles.get("wxacct")
    command = (
        "sh -c 'exec \"${WXACCT:-./wxacct}\" deactivate --state - --format jsonl"
        " --fail-on never --quiet --start %s'" % start
    )
    results = indexed.keys().pipe(command, env=env, checkCode=True)
    # pipe keeps each partition's order and gives one line per profile, so the line numbers
    # of the input and the results pair up partition by partition.
    numbered = indexed.values().zip(results)
    relabel = lambda pair: (
        pair[0],
        SOURCE.sub('"source":"%s:%d"' % (label, pair[0] + 1), pair[1], count=1),
    )
    rows = numbered.map(relabel).sortByKey().values().collect()
    took = time.time() - began
    with open(output, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(row + "\n")
    print("spark: %d results from %d partitions in %.1f s" % (len(rows), lines.getNumPartitions(), took))
    spark.stop()


if __name__ == "__main__":
    main()
