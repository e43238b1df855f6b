#!/usr/bin/env bash
# What the ATT&CK view costs (BENCHMARKS.md): rows (c) and (e) with the page open (one client on /view/stream
# for the whole row), closed (the view counting, nobody watching) and the view turned off
# (classifier.view.enabled=false), side by side in one run on the same pre-produced data, in two rounds in
# opposite orders.
#
#   bench/compare-view.sh                       # 1,000,000 events per row
#   EVENTS=2000000 bench/compare-view.sh        # more; any bench.* option after it
set -euo pipefail
cd "$(dirname "$0")/.."
open="-Dbench.view-clients=1"
off="-Dclassifier.view.enabled=false"
runs="" variants=""
for row in c1 e1; do
  runs="$runs,$row-open,$row-closed,$row-off"
  variants="$variants;$row-open=$row:$open;$row-closed=$row:;$row-off=$row:$off"
done
for row in c1 e1; do
  runs="$runs,$row-off-again,$row-closed-again,$row-open-again"
  variants="$variants;$row-open-again=$row:$open;$row-closed-again=$row:;$row-off-again=$row:$off"
done
exec bench/run.sh -Dbench.runs="${runs#,}" "-Dbench.variants=${variants#;}" "$@"
