#!/usr/bin/env bash
# Another revision's service against this tree's, side by side in one run (BENCHMARKS.md, "What each change
# bought"): builds REV's jar in a temporary worktree, then runs (c) and (c) publishing off of both builds,
# alternating, twice, on the same pre-produced data. Run-to-run noise here is ±10–20%; this is how a change's
# few percent show. ROWS names other rows to compare (any of bench.runs' rows, e.g. d1, e1).
#
#   bench/compare.sh 95f09b6
#   ROWS="c1 d1 e1" bench/compare.sh HEAD~1
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
# REV's jar is the "option": its rows are named <row>-rev. Round one runs REV's build first, round two this
# tree's, so neither always has the machine's earlier phase.
# Revisions before the single-module layout built the service in app/.
jar="$work/tree/target/quarkus-app/quarkus-run.jar"
[[ -f "$jar" ]] || jar="$work/tree/app/target/quarkus-app/quarkus-run.jar"
LABEL=rev ROWS="${ROWS:-c1-nopub c1}" bench/compare-options.sh "-Dbench.jar=$jar" "$@"
