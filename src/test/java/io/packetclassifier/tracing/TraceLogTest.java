package io.packetclassifier.tracing;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;
import org.jboss.logmanager.MDC;
import org.jboss.logmanager.formatters.JsonFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.packetclassifier.testing.InMemorySpans;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.LogCapture;
import io.packetclassifier.testing.LogCapture.Line;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * JSON console logs (as with {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true}): a line about one event carries
 * that event's trace ids. The lines are captured with the console handler's own formatter, so what is
 * asserted is what the console prints.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(TraceLogTest.JsonLogs.class)
class TraceLogTest {

    public static class JsonLogs implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.console.json.enabled", "true");
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    LogCapture capture;

    @BeforeEach
    void capture() {
        capture = LogCapture.of("io.packetclassifier");
        assertThat(capture.consoleFormatter()).as("quarkus.log.console.json.enabled=true gives the console a JSON formatter")
                .isInstanceOf(JsonFormatter.class);
    }

    @AfterEach
    void release() {
        capture.close();
    }

    @Test
    void aDeadLetteredRecordsLineCarriesItsTraceIdAndIsValidJson() throws Exception {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String producerSpanId = "b7ad6b7169203331";
        ProducerRecord<byte[], byte[]> withHeader = new ProducerRecord<>("raw-events",
                "{\"event_id\": ".getBytes(StandardCharsets.UTF_8));
        withHeader.headers().add("traceparent", ("00-" + traceId + "-" + producerSpanId + "-01").getBytes(StandardCharsets.UTF_8));
        ProducerRecord<byte[], byte[]> good = new ProducerRecord<>("raw-events", json(event("process_start", Map.of())));
        ProducerRecord<byte[], byte[]> withoutHeader = new ProducerRecord<>("raw-events",
                "[1, 2]".getBytes(StandardCharsets.UTF_8));
        List<Long> offsets = send(List.of(withHeader, good, withoutHeader));
        String first = "Dead-lettered raw-events-0@" + offsets.get(0) + " ";
        String second = "Dead-lettered raw-events-0@" + offsets.get(2) + " ";

        await().atMost(Duration.ofSeconds(30)).until(
                () -> capture.containing(first).size() == 1 && capture.containing(second).size() == 1);

        // With a traceparent header: the producer's trace, and our consume_event span in it.
        Line line = capture.containing(first).get(0);
        assertThat(line.message()).contains("(invalid-json)");
        assertThat(line.traceId()).isEqualTo(traceId);
        assertThat(line.sampled()).isEqualTo("true");
        SpanData consume = finishedSpan(line.spanId());
        assertThat(consume.getName()).isEqualTo(EventTracing.CONSUME_EVENT);
        assertThat(consume.getTraceId()).isEqualTo(traceId);
        assertThat(consume.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(consume.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);

        JsonNode json = JSON.readTree(line.console());
        assertThat(json.path("level").asText()).isEqualTo("WARN");
        assertThat(json.path("loggerName").asText()).isEqualTo("io.packetclassifier.output.deadletter.DeadLetterQueue");
        assertThat(json.path("message").asText()).startsWith(first);
        assertThat(json.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        assertThat(json.path("mdc").path("spanId").asText()).isEqualTo(consume.getSpanId());
        assertThat(json.path("mdc").path("sampled").asText()).isEqualTo("true");

        // Without one: the trace its consume_event span started.
        Line other = capture.containing(second).get(0);
        assertThat(other.message()).contains("(not-an-object)");
        SpanData otherSpan = finishedSpan(other.spanId());
        assertThat(other.traceId()).isEqualTo(otherSpan.getTraceId()).isNotEqualTo(traceId);
        assertThat(otherSpan.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(JSON.readTree(other.console()).path("mdc").path("traceId").asText()).isEqualTo(other.traceId());

        // The ids are there only for the line about the event.
        assertThat(capture.lines()).filteredOn(l -> !l.message().startsWith("Dead-lettered"))
                .allSatisfy(l -> assertThat(l.traceId()).isNull());
    }

    @Test
    void onAThreadWithoutVertxTheIdsAreSetForTheLineOnlyAndNothingIsLoggedBelowTheLevel() throws Exception {
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getDefault(), TraceState.getDefault());
        Logger log = Logger.getLogger("io.packetclassifier.tracing.TraceLogTest");
        List<String> after = new ArrayList<>();
        Thread thread = new Thread(() -> {
            TraceLog.logf(log, Logger.Level.WARN, span, "about event %s", "e-1");
            TraceLog.logf(log, Logger.Level.TRACE, span, "below the level %s", "e-2");
            log.warn("about nothing in particular");
            after.add(MDC.get("traceId"));
        }, "not-vertx");
        thread.start();
        thread.join();

        Line line = capture.containing("about event e-1").get(0);
        assertThat(line.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(line.spanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(line.sampled()).isEqualTo("false");
        assertThat(JSON.readTree(line.console()).path("mdc").path("spanId").asText()).isEqualTo("00f067aa0ba902b7");
        assertThat(capture.containing("below the level")).isEmpty();
        assertThat(capture.containing("about nothing in particular").get(0).traceId()).isNull();
        assertThat(after).containsExactly((String) null);
    }

    private static SpanData finishedSpan(String spanId) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> InMemorySpans.EXPORTER.getFinishedSpanItems().stream().filter(s -> s.getSpanId().equals(spanId))
                        .findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    private static List<Long> send(List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.broker().bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                offsets.add(producer.send(record).get().offset());
            }
        }
        return offsets;
    }
}
