#!/usr/bin/env bash
# What the ATT&CK view costs (BENCHMARKS.md): rows (c) and (e) with the page open (one client on /view/stream
# for the whole row), closed (the view counting, nobody watching) and the view turned off
# (classifier.view.enabled=false), side by side in one run on the same pre-produced data, ROUNDS rounds (default
# 2), each in the opposite order of the one before. VARIANTS picks among open, closed and off. The run starts
# with a warm-up row (<row>-warmup, the page closed) to compare nothing with: a run's first row comes out slower
# whatever it is.
#
#   bench/compare-view.sh                                 # 1,000,000 events per row
#   ROUNDS=4 VARIANTS="open closed" bench/compare-view.sh # page open against closed only, four times
#   EVENTS=2000000 bench/compare-view.sh                  # more events; any bench.* option after it
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A opts=([open]="-Dbench.view-clients=1" [closed]="" [off]="-Dclassifier.view.enabled=false")
read -r -a order <<<"${VARIANTS:-open closed off}"
first="${ROWS:-c1 e1}"; first="${first%% *}"
runs="$first-warmup" variants="$first-warmup=$first:"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for row in ${ROWS:-c1 e1}; do
    for variant in "${order[@]}"; do
      id="$row-$variant-$round"
      runs="$runs,$id"
      variants="$variants;$id=$row:${opts[$variant]}"
    done
  done
  order=($(printf '%s\n' "${order[@]}" | tac))
done
exec bench/run.sh -Dbench.runs="${runs#,}" "-Dbench.variants=${variants#;}" "$@"
