package io.packetclassifier.sink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.opentelemetry.api.trace.SpanContext;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.pipeline.ClassifiedEvent;
import io.packetclassifier.sigma.RuleMatch;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes each classified event, with every rule that matched, as JSON to {@code classified-events}
 * (keyed by event_id, with the event's {@code traceparent}). A batch counts as written only once the broker
 * has all of its records.
 */
@ApplicationScoped
public class ClassifiedEventsTopic {

    private static final JsonFactory JSON = new JsonFactory();

    private final PublishConfig config;
    private final Map<String, Object> kafkaConfig;
    private KafkaProducer<byte[], byte[]> producer;

    ClassifiedEventsTopic(PublishConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Sends them all and waits until the broker has acknowledged every one. */
    public void publish(List<ClassifiedEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        KafkaProducer<byte[], byte[]> out = producer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (ClassifiedEvent event : events) {
            RecordHeaders headers = new RecordHeaders();
            SpanContext span = event.span().getSpanContext();
            if (span.isValid()) {
                headers.add("traceparent", ("00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                        + span.getTraceFlags().asHex()).getBytes(StandardCharsets.US_ASCII));
            }
            out.send(new ProducerRecord<>(config.topic(), null, event.event().eventId().getBytes(StandardCharsets.US_ASCII),
                    json(event), headers), (metadata, error) -> {
                        if (error != null) {
                            failure.compareAndSet(null, error);
                        }
                    });
        }
        out.flush();
        if (failure.get() != null) {
            throw new IOException("publishing to " + config.topic() + " failed: " + failure.get(), failure.get());
        }
    }

    static byte[] json(ClassifiedEvent classified) throws IOException {
        SecurityEvent e = classified.event();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeStringField("event_id", e.eventId());
            json.writeStringField("timestamp", e.timestamp());
            json.writeStringField("event_type", e.eventType());
            json.writeStringField("host", e.host());
            json.writeStringField("user", e.user());
            json.writeStringField("mitre_tactic", classified.tactic());
            json.writeStringField("mitre_technique", classified.technique());
            json.writeArrayFieldStart("matches");
            for (RuleMatch match : classified.classification().matches()) {
                json.writeStartObject();
                json.writeStringField("rule_id", match.id());
                json.writeStringField("title", match.title());
                json.writeStringField("level", match.level());
                json.writeArrayFieldStart("tactics");
                for (String tactic : match.tactics()) {
                    json.writeString(tactic);
                }
                json.writeEndArray();
                json.writeArrayFieldStart("techniques");
                for (RuleMatch.TechniqueRef technique : match.techniques()) {
                    json.writeStartObject();
                    json.writeStringField("id", technique.id());
                    json.writeStringField("name", technique.name());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>(kafkaConfig);
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "packet-classifier-classified-events");
            settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
            settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            settings.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
