package io.packetclassifier.output.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.tracing.Traceparent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes each classified event, with every rule that matched, as JSON to {@code classified-events}
 * (keyed by event_id, with the event's {@code traceparent}). A batch counts as written only once the broker
 * has all of its records.
 */
@ApplicationScoped
public class ClassifiedEventsTopic {

    private final PublishConfig config;
    private final Map<String, Object> kafkaConfig;
    private volatile KafkaProducer<byte[], byte[]> producer;
    private volatile String lastFailure;

    ClassifiedEventsTopic(PublishConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    /** Why the last batch could not be published, or null. */
    public String problem() {
        return lastFailure;
    }

    /** A batch handed to the producer, to be awaited once the CSV rows are written. */
    public final class Sent {

        private final AtomicReference<Exception> failure; // null when nothing was sent

        private Sent(AtomicReference<Exception> failure) {
            this.failure = failure;
        }

        /** Waits until the broker has acknowledged every record of the batch; fails if any was refused. */
        public void await() throws IOException {
            if (failure == null) {
                return;
            }
            if (producer != null) {
                producer.flush();
            }
            Exception refused = failure.get();
            if (refused != null) {
                lastFailure = "publishing to " + config.topic() + " failed: " + refused;
                throw new IOException(lastFailure, refused);
            }
            lastFailure = null;
        }
    }

    /**
     * Hands them all to the producer without waiting, so that the broker's round trip overlaps with the
     * CSV write; {@link Sent#await()} then waits for the acknowledgements. A producer that throws (its
     * serializers, partitioner or compression codec, or making it at all) fails the batch as a refusal does.
     */
    public Sent send(List<ClassifiedEvent> events) {
        if (events.isEmpty() || !config.enabled()) {
            return new Sent(null);
        }
        AtomicReference<Exception> failure = new AtomicReference<>();
        Callback onError = (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        };
        try {
            KafkaProducer<byte[], byte[]> out = producer();
            for (ClassifiedEvent event : events) {
                out.send(record(event), onError);
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
        return new Sent(failure);
    }

    private ProducerRecord<byte[], byte[]> record(ClassifiedEvent event) {
        RecordHeaders headers = new RecordHeaders();
        byte[] traceparent = Traceparent.of(event.span());
        if (traceparent != null) {
            headers.add("traceparent", traceparent);
        }
        // ISO-8859-1: a validated UUID is ASCII, and this charset's encoder is a plain copy
        return new ProducerRecord<>(config.topic(), null, event.event().eventId().getBytes(StandardCharsets.ISO_8859_1),
                event.json(), headers);
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            if ("lz4".equals(config.compression())) {
                Lz4Codec.preferJni();
            }
            producer = new KafkaProducer<>(producerSettings(), new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    /** The shared Kafka settings ({@code kafka.*}), then this topic's own. */
    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = new HashMap<>(kafkaConfig);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "packet-classifier-classified-events");
        settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression());
        return settings;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
