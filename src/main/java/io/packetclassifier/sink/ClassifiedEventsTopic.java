package io.packetclassifier.sink;

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

    ClassifiedEventsTopic(PublishConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** A batch handed to the producer, to be awaited once the CSV rows are written. */
    public final class Sent {

        private final AtomicReference<Exception> failure;

        private Sent(AtomicReference<Exception> failure) {
            this.failure = failure;
        }

        /** Waits until the broker has acknowledged every record of the batch; fails if any was refused. */
        public void await() throws IOException {
            if (producer != null) {
                producer.flush();
            }
            if (failure.get() != null) {
                throw new IOException("publishing to " + config.topic() + " failed: " + failure.get(), failure.get());
            }
        }
    }

    /**
     * Hands them all to the producer without waiting, so that the broker's round trip overlaps with the
     * CSV write; {@link Sent#await()} then waits for the acknowledgements.
     */
    public Sent send(List<ClassifiedEvent> events) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        if (events.isEmpty()) {
            return new Sent(failure);
        }
        KafkaProducer<byte[], byte[]> out = producer();
        org.apache.kafka.clients.producer.Callback onError = (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        };
        for (ClassifiedEvent event : events) {
            RecordHeaders headers = new RecordHeaders();
            byte[] traceparent = Traceparent.of(event.span());
            if (traceparent != null) {
                headers.add("traceparent", traceparent);
            }
            // ISO-8859-1: a validated UUID is ASCII, and this charset's encoder is a plain copy
            out.send(new ProducerRecord<>(config.topic(), null,
                    event.event().eventId().getBytes(StandardCharsets.ISO_8859_1), event.json(), headers), onError);
        }
        return new Sent(failure);
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
    Map<String, Object> producerSettings() {
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
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
