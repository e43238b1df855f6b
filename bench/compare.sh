#!/usr/bin/env bash
# Another revision's service against this tree's, side by side in one run (BENCHMARKS.md, "What each change
# bought"): builds REV's jar in a temporary worktree, then runs (c) and (c) publishing off of both builds,
# alternating, twice, on the same pre-produced data. Run-to-run noise here is ±10–20%; this is how a change's
# few percent show.
#
#   bench/compare.sh 95f09b6
#   bench/compare.sh HEAD~2 -Dbench.events=200000      # any bench.* option after REV
set -euo pipefail
cd "$(dirname "$0")/.."
rev="${1:?usage: bench/compare.sh REV [bench options]}"
shift
work="$(mktemp -d)"
cleanup() { git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
git worktree add -q --detach "$work/tree" "$rev"
echo "[compare] building $rev ($(git rev-parse --short "$rev")) in $work/tree"
(cd "$work/tree" && ./mvnw -B -ntp -q package -DskipTests)
other="-Dbench.jar=$work/tree/app/target/quarkus-app/quarkus-run.jar"
runs="c1-nopub-rev,c1-nopub,c1-rev,c1,c1-again,c1-rev-again,c1-nopub-again,c1-nopub-rev-again"
variants="c1-nopub-rev=c1-nopub:$other;c1-rev=c1:$other;c1-rev-again=c1:$other;c1-nopub-rev-again=c1-nopub:$other"
variants="$variants;c1-again=c1:;c1-nopub-again=c1-nopub:"
bench/run.sh -Dbench.runs="$runs" "-Dbench.variants=$variants" "$@"
