package io.packetclassifier.tracing;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.packetclassifier.testing.InMemorySpans;
import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class TracingTest {

    static final KafkaCompanion kafka = KafkaBroker.companion();

    @Test
    void withTraceparentHeaderConsumeEventIsAChildOfTheProducersSpan() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String producerSpanId = "00f067aa0ba902b7";
        Map<String, Object> e = event("process_start", Map.of("command_line", "cmd.exe /c whoami"));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("raw-events", json(e));
        record.headers().add("traceparent", ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        send(record);

        SpanData consume = awaitSpan(EventTracing.CONSUME_EVENT, (String) e.get("event_id"));
        assertThat(consume.getTraceId()).isEqualTo(traceId);
        assertThat(consume.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(consume.getParentSpanContext().isRemote()).isTrue();
        assertChildren(consume);
        assertThat(consume.getAttributes().asMap().entrySet()).extracting(a -> a.getKey().getKey() + "=" + a.getValue())
                .contains("event.id=" + e.get("event_id"), "event.type=process_start", "host.name=ws-001",
                        "user.name=alice", "mitre.tactic=TA0002", "mitre.technique=T1059.003");
    }

    @Test
    void withoutHeaderTheTraceIdIsTheEventIdsHex() {
        String eventId = "38b6dde6-b295-46b1-bad4-2b650569ff04";
        Map<String, Object> e = event("user_login", Map.of("event_id", eventId, "logon_type", "failure"));
        send(new ProducerRecord<>("raw-events", json(e)));

        SpanData consume = awaitSpan(EventTracing.CONSUME_EVENT, eventId);
        assertThat(consume.getTraceId()).isEqualTo("38b6dde6b29546b1bad42b650569ff04");
        assertThat(consume.getParentSpanContext().isRemote()).isTrue();
        assertThat(consume.getParentSpanContext().isValid()).isTrue();
        assertChildren(consume);
    }

    @Test
    void anInvalidTraceparentFallsBackToTheEventId() {
        Map<String, Object> e = event("file_create", Map.of());
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>("raw-events", json(e));
        record.headers().add("traceparent", "not-a-traceparent".getBytes(StandardCharsets.UTF_8));
        send(record);

        String eventId = (String) e.get("event_id");
        SpanData consume = awaitSpan(EventTracing.CONSUME_EVENT, eventId);
        assertThat(consume.getTraceId()).isEqualTo(eventId.replace("-", ""));
    }

    private static void assertChildren(SpanData consume) {
        assertThat(consume.getKind()).isEqualTo(SpanKind.CONSUMER);
        List<SpanData> children = await().atMost(Duration.ofSeconds(30)).until(
                () -> InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                        .filter(s -> s.getParentSpanId().equals(consume.getSpanId())).toList(),
                list -> list.size() == 2);
        assertThat(children).extracting(SpanData::getName)
                .containsExactlyInAnyOrder(EventTracing.CLASSIFY_EVENT, EventTracing.WRITE_CSV);
        assertThat(children).allSatisfy(child -> assertThat(child.getTraceId()).isEqualTo(consume.getTraceId()));
    }

    private static void send(ProducerRecord<byte[], byte[]> record) {
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(List.of(record)).awaitCompletion(Duration.ofSeconds(30));
    }

    private static SpanData awaitSpan(String name, String eventId) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                        .filter(s -> s.getName().equals(name))
                        .filter(s -> eventId.equals(s.getAttributes().asMap().entrySet().stream()
                                .filter(a -> a.getKey().getKey().equals("event.id")).map(a -> a.getValue().toString())
                                .findFirst().orElse(null)))
                        .findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }
}
