#!/usr/bin/env bash
# Starts `./mvnw quarkus:dev` as a developer would (in-process broker, generator on), then checks that rows are
# written, that the Dev UI lists the Kafka pages and, through its JSON-RPC websocket, raw-events with messages
# and the packet-classifier consumer group; plus /q/metrics and /q/health/ready, the ATT&CK view at / and its
# generator switch (dev mode only). Then edits a default rule's technique in src/main/resources (restored on exit)
# and checks that rows written after the next request carry the new label, the dev broker still the same. Stops dev
# mode (its own process group) at the end.
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
RULES="src/main/resources/rules/seed-rules.yml"
cp "${RULES}" target/seed-rules.yml.orig
stop_dev() {
  kill -- "-${DEV_PID}" 2>/dev/null
  for _ in $(seq 1 30); do kill -0 "${DEV_PID}" 2>/dev/null || break; sleep 1; done
  kill -9 -- "-${DEV_PID}" 2>/dev/null
  cp target/seed-rules.yml.orig "${RULES}" # the rule edit below, undone whatever happened
}
trap stop_dev EXIT

check() { # name, command...
  local name="$1"; shift
  if "$@"; then echo "PASS ${name}"; passed=$((passed + 1)); else echo "FAIL ${name}"; failed=$((failed + 1)); fi
}
rpc() { java scripts/DevUiJsonRpc.java "${BASE}" "$@" 2>/dev/null; }
# `... | holds PATTERN`: reads all of its input before matching, so under pipefail a writer is never cut off
# by grep -q's early exit (curl then fails with "write error" and so would the check).
holds() { local text; text=$(cat); grep -q -- "$1" <<<"${text}"; }

started=$(date +%s)
for _ in $(seq 1 180); do
  curl -s -o /dev/null -w '%{http_code}' "${BASE}/q/health/ready" | grep -q 200 && break
  kill -0 "${DEV_PID}" 2>/dev/null || { echo "quarkus:dev exited; see ${LOG}" >&2; exit 1; }
  sleep 1
done
echo "Dev mode ready after $(( $(date +%s) - started )) s (log: ${LOG})"

metric() { # name and label filter -> the value of the first matching /q/metrics line
  local m; m=$(curl -sf "${BASE}/q/metrics")
  grep -E "^$1" <<<"${m}" | grep -F "${2:-}" | awk 'NR == 1 {print int($NF)}'
}
rows_move() {
  local first="" second
  for _ in $(seq 1 60); do
    second=$(metric classifier_csv_rows_written_total)
    if [[ -z "${first}" ]]; then
      first="${second}" # the counter appears with the first written row: until then nothing to compare
    elif [[ -n "${second}" && "${second}" -gt "${first}" ]]; then
      return 0
    fi
    sleep 1
  done
  return 1
}
topics_list_raw_events() { rpc quarkus-kafka-client_getTopics | holds '"name" : "raw-events"'; }
raw_events_has_messages() { rpc quarkus-kafka-client_topicMessages '{"topicName":"raw-events"}' | holds '"event_id'; }
consumer_group_listed() { rpc quarkus-kafka-client_getInfo | holds '"packet-classifier"'; }
# The Dev UI's build-time data lists the Kafka extension's pages (topics, consumer groups, ...).
kafka_pages_listed() {
  local data; data=$(curl -sf "${BASE}/q/dev-ui/devui-data.js")
  grep -q '"componentName":"qwc-kafka-topics"' <<<"${data}" && grep -q '"componentName":"qwc-kafka-consumer-groups"' <<<"${data}"
}
ready_with_rules() {
  local r; r=$(curl -sf "${BASE}/q/health/ready")
  grep -q '"status": "UP"' <<<"${r}" && grep -qE '"loaded": [1-9]' <<<"${r}"
}
labels_counted() { [[ $(metric classifier_events_classified_total 'tactic="TA0002"') -gt 0 ]]; }
metrics_exposed() {
  local m; m=$(curl -sf "${BASE}/q/metrics")
  grep -q '^classifier_events_consumed_total' <<<"${m}" && grep -q '^kafka_consumer_fetch_manager_records_lag' <<<"${m}"
}
csv_has_labelled_rows() { grep -qE ',TA[0-9]{4},T[0-9]{4}' target/classified_packets.csv; }
view_page_served() { curl -sf "${BASE}/" | holds 'ATT&amp;CK view' && curl -sf "${BASE}/view/view.js" | holds EventSource; }
view_counts_detections() { curl -sf "${BASE}/attack/layer.json" | holds '"techniqueID"'; }
# The page's generator switch exists in dev mode only: off, then on at 20 events/s, as the snapshot shows.
generator_switch() {
  local post='curl -sf -H Content-Type:application/json -X POST'
  ${post} -d '{"running": false}' "${BASE}/view/generator" | holds '"running":false' \
    && ${post} -d '{"running": true, "rate": 20}' "${BASE}/view/generator" | holds '"running":true,"rate":20' \
    && curl -sf "${BASE}/view/snapshot" | holds '"generator":{"running":true,"rate":20'
}

check "rows are written (classifier_csv_rows_written_total moves)" rows_move
check "the Dev UI lists the Kafka pages" kafka_pages_listed
check "Kafka Dev UI lists raw-events" topics_list_raw_events
check "Kafka Dev UI shows raw-events messages" raw_events_has_messages
check "Kafka Dev UI lists the packet-classifier consumer group" consumer_group_listed
check "/q/health/ready is UP with rules loaded" ready_with_rules
check "events are counted per label (classifier_events_classified_total)" labels_counted
check "/q/metrics has classifier and Kafka consumer lag metrics" metrics_exposed
check "target/classified_packets.csv has labelled rows" csv_has_labelled_rows
check "the ATT&CK view is served at /" view_page_served
check "the detections layer has techniques" view_counts_detections
check "the page's generator switch works in dev mode" generator_switch

# Live reload of the rules: the failed-logon rule's technique T1110 becomes T1110.001 (Password Guessing).
# A request makes dev mode look for changes; rows written after the restart carry the new label.
relabelled_after_next_request() {
  grep -q '^    - attack.t1110$' "${RULES}" || { echo "  no 'attack.t1110' tag in ${RULES}" >&2; return 1; }
  sed -i 's/^    - attack.t1110$/    - attack.t1110.001/' "${RULES}"
  local before; before=$(wc -l < target/classified_packets.csv)
  curl -s -o /dev/null "${BASE}/q/health/ready"
  local since
  for _ in $(seq 1 90); do
    since=$(tail -n +"$((before + 1))" target/classified_packets.csv | tr -d '\r')  # rows end in CRLF
    # three relabelled rows, and none written after the first of them with the old technique
    if [[ $(grep -cE ',TA0006,T1110\.001(,|$)' <<<"${since}") -ge 3 ]]; then
      local after; after=$(sed -n '/,TA0006,T1110\.001/,$p' <<<"${since}")
      ! grep -qE ',TA0006,T1110(,|$)' <<<"${after}"
      return
    fi
    sleep 1
  done
  return 1
}
broker_kept_over_the_reload() { [[ $(grep -c 'Dev Kafka broker (in-process KRaft) listening' "${LOG}") -eq 1 ]]; }
check "after an edit of seed-rules.yml, rows written after the next request carry the new technique" relabelled_after_next_request
check "the dev broker was started once and kept over the live reload" broker_kept_over_the_reload

stops_on_sigterm() { # SIGTERM to the process group (a background job ignores SIGINT); gone within 15 s
  kill -TERM -- "-${DEV_PID}" 2>/dev/null
  for _ in $(seq 1 15); do kill -0 "${DEV_PID}" 2>/dev/null || return 0; sleep 1; done
  return 1
}
check "quarkus:dev stops within 15 s of SIGTERM" stops_on_sigterm

echo "check-dev-mode: ${passed} passed, ${failed} failed"
[[ ${failed} -eq 0 ]]
