#!/usr/bin/env bash
# The service with some options against the same service without them, side by side in one run
# (BENCHMARKS.md, "Knobs tried"): for each row the two alternate, twice, the second round starting with the
# other one, on the same pre-produced data. Options are JVM options (-D properties, -X flags) for the
# service; ROWS names the rows (any of bench.runs' rows, default c1), LABEL the suffix of the rows with
# them (default with; bench/compare.sh, which passes another build's jar as the option, uses rev).
#
#   bench/compare-options.sh -Dmp.messaging.incoming.raw-events.max.poll.records=5000
#   ROWS="c1 e1 c1-xmx256m" bench/compare-options.sh "-Dmp.messaging.incoming.raw-events.max.poll.records=5000"
#   bench/compare-options.sh -XX:+UseSerialGC -Dbench.events=200000      # bench.* options after OPTIONS
#   ROWS="c1 e1" bench/compare-options.sh -Dbench.view-clients=1      # the ATT&CK page open (streaming) vs closed
set -euo pipefail
cd "$(dirname "$0")/.."
opts="${1:?usage: bench/compare-options.sh 'OPTIONS' [bench options]}"
shift
label="${LABEL:-with}"
runs=""
variants=""
for row in ${ROWS:-c1}; do
  runs="$runs,$row-$label,$row"
  variants="$variants;$row-$label=$row:$opts"
done
for row in ${ROWS:-c1}; do
  runs="$runs,$row-again,$row-$label-again"
  variants="$variants;$row-again=$row:;$row-$label-again=$row:$opts"
done
echo "[compare] rows ${ROWS:-c1}, with and without: $opts"
bench/run.sh -Dbench.runs="${runs#,}" "-Dbench.variants=${variants#;}" "$@"
