#!/usr/bin/env bash
# Starts `./mvnw quarkus:dev` from the root as a developer would (in-process broker, generator on), then checks
# through the Dev UI's JSON-RPC websocket that the Kafka Dev UI lists raw-events with messages and the
# packet-classifier consumer group, that the Dev UI lists the classifier's card (devui/ extension) and that its
# methods (packet-classifier-devui_*) report live counts; plus /q/metrics and /q/health/ready. Stops dev mode
# (its own process group) at the end.
#   scripts/check-dev-mode.sh            # PORT=8081 scripts/check-dev-mode.sh to use another HTTP port
set -uo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
BASE="http://localhost:${PORT}"
LOG="target/check-dev-mode.log"
mkdir -p target
passed=0
failed=0

if curl -s -o /dev/null "${BASE}/q/health"; then
  echo "Something already answers on ${BASE}; stop it or set PORT" >&2
  exit 2
fi

setsid ./mvnw -B -ntp quarkus:dev -Dquarkus.http.port="${PORT}" -Dquarkus.console.enabled=false \
  -Dquarkus.analytics.disabled=true -Ddebug=false >"${LOG}" 2>&1 </dev/null &
DEV_PID=$!
stop_dev() {
  kill -- "-${DEV_PID}" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "${DEV_PID}" 2>/dev/null || return 0; sleep 1; done
  kill -9 -- "-${DEV_PID}" 2>/dev/null
}
trap stop_dev EXIT

check() { # name, command...
  local name="$1"; shift
  if "$@"; then echo "PASS ${name}"; passed=$((passed + 1)); else echo "FAIL ${name}"; failed=$((failed + 1)); fi
}
rpc() { java scripts/DevUiJsonRpc.java "${BASE}" "$@" 2>/dev/null; }
number() { # field name in a pretty-printed JSON-RPC answer -> its first numeric value
  grep -oE "\"$1\" : [0-9.]+" | head -1 | grep -oE '[0-9.]+$'
}

started=$(date +%s)
for _ in $(seq 1 180); do
  curl -s -o /dev/null -w '%{http_code}' "${BASE}/q/health/ready" | grep -q 200 && break
  kill -0 "${DEV_PID}" 2>/dev/null || { echo "quarkus:dev exited; see ${LOG}" >&2; exit 1; }
  sleep 1
done
echo "Dev mode ready after $(( $(date +%s) - started )) s (log: ${LOG})"

summary_moves() {
  local first second
  first=$(rpc packet-classifier-devui_getSummary | number written)
  for _ in $(seq 1 60); do
    second=$(rpc packet-classifier-devui_getSummary | number written)
    [[ -n "${first}" && -n "${second}" && "${second}" -gt "${first}" ]] && return 0
    sleep 1
  done
  return 1
}
topics_list_raw_events() { rpc quarkus-kafka-client_getTopics | grep -q '"name" : "raw-events"'; }
raw_events_has_messages() { rpc quarkus-kafka-client_topicMessages '{"topicName":"raw-events"}' | grep -q '"event_id'; }
consumer_group_listed() { rpc quarkus-kafka-client_getInfo | grep -q '"packet-classifier"'; }
recent_events_labelled() { rpc packet-classifier-devui_getRecentEvents | grep -qE '"technique" : "T[0-9]'; }
summary_has_rules_and_tactics() {
  local s; s=$(rpc packet-classifier-devui_getSummary)
  [[ $(number rulesLoaded <<<"${s}") -gt 0 ]] && grep -qE '"TA[0-9]{4}" : [1-9]' <<<"${s}"
}
generator_toggles() {
  rpc packet-classifier-devui_setGenerator '{"on":false,"rate":0}' | grep -q '"running" : false' &&
    rpc packet-classifier-devui_setGenerator '{"on":true,"rate":20}' | grep -q '"running" : true' &&
    rpc packet-classifier-devui_getSummary | grep -q '"rate" : 20.0'
}
badge_counts() { rpc packet-classifier-devui_getBadge | grep -qE '"object" : "[0-9,]+ written · [0-9,]+ dead-lettered"'; }
# The Dev UI's build-time data lists every card: ours, with its two pages, and its web component is served.
card_listed() {
  local data; data=$(curl -sf "${BASE}/q/dev-ui/devui-data.js")
  grep -q '"namespace":"packet-classifier-devui"' <<<"${data}" && grep -q '"title":"Classifier"' <<<"${data}" &&
    grep -q '"title":"Recent events"' <<<"${data}" &&
    curl -sf "${BASE}/q/dev-ui/packet-classifier-devui/qwc-classifier-dashboard.js" | grep -q 'qwc-classifier-dashboard'
}
metrics_exposed() {
  local m; m=$(curl -sf "${BASE}/q/metrics")
  grep -q '^classifier_events_consumed_total' <<<"${m}" && grep -q '^classifier_events_classified_total{' <<<"${m}" &&
    grep -q '^kafka_consumer_fetch_manager_records_lag' <<<"${m}"
}
csv_has_rows() { [[ $(wc -l <app/target/classified_packets.csv) -gt 1 ]]; }

check "classifier counts move (packet-classifier-devui_getSummary)" summary_moves
check "Kafka Dev UI lists raw-events" topics_list_raw_events
check "Kafka Dev UI shows raw-events messages" raw_events_has_messages
check "Kafka Dev UI lists the packet-classifier consumer group" consumer_group_listed
check "recent events carry labels (packet-classifier-devui_getRecentEvents)" recent_events_labelled
check "summary gives rules loaded and per-tactic counts" summary_has_rules_and_tactics
check "generator switches off and on (packet-classifier-devui_setGenerator)" generator_toggles
check "the card's badge counts (packet-classifier-devui_getBadge)" badge_counts
check "the Dev UI lists the classifier card and serves its page" card_listed
check "/q/metrics has classifier and Kafka consumer lag metrics" metrics_exposed
check "app/target/classified_packets.csv has rows" csv_has_rows

stops_on_sigterm() { # SIGTERM to the process group (a background job ignores SIGINT); gone within 15 s
  kill -TERM -- "-${DEV_PID}" 2>/dev/null
  for _ in $(seq 1 15); do kill -0 "${DEV_PID}" 2>/dev/null || return 0; sleep 1; done
  return 1
}
check "quarkus:dev stops within 15 s of SIGTERM" stops_on_sigterm

echo "check-dev-mode: ${passed} passed, ${failed} failed"
[[ ${failed} -eq 0 ]]
