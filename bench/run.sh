#!/usr/bin/env bash
# The throughput benchmark (BENCHMARKS.md): packages the service, starts an in-process broker, runs
# (a) raw consumer, (b) hand-written consumer, (c) service, (d) service fully traced, (e) service + Sigma,
# and a paced latency run, then prints the table (also written to target/benchmark.md).
#
#   bench/run.sh                       # 1,000,000 events
#   EVENTS=200000 bench/run.sh         # fewer
#   bench/run.sh -Dbench.runs=a1,b1,c1 -Dbench.jfr=c1 -Dbench.service.opts="-D..."   # any bench.* option
set -euo pipefail
cd "$(dirname "$0")/.."
exec ./mvnw -B -ntp -Pbenchmark verify -Dbench.events="${EVENTS:-1000000}" "$@"
