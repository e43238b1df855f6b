package io.packetclassifier.view;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.packetclassifier.testing.TopicReader;

/** Events for the view's tests, produced through Kafka to {@link ViewProfile#TOPIC}, and what came of them. */
final class ViewEvents {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Event ids produced, and the expectation of each regression event (its rule title and techniques). */
    final List<String> ids = new ArrayList<>();
    final Map<String, JsonNode> expectations = new HashMap<>();
    private final List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();

    /** The SigmaHQ regression events (real Sysmon process starts), each with a fresh id. */
    ViewEvents regression() throws Exception {
        for (String line : Files.readAllLines(Path.of("../shared/sigma/regression/process_creation.jsonl"))) {
            JsonNode parsed = JSON.readTree(line);
            ObjectNode event = (ObjectNode) parsed.get("event").deepCopy();
            String id = UUID.randomUUID().toString();
            event.put("event_id", id);
            expectations.put(id, parsed.get("expect"));
            add(id, JSON.writeValueAsBytes(event));
        }
        return this;
    }

    ViewEvents logons(int n, String logonType) {
        for (int i = 0; i < n; i++) {
            Map<String, Object> event = TestEvents.event("user_login", Map.of("logon_type", logonType));
            add((String) event.get("event_id"), TestEvents.json(event));
        }
        return this;
    }

    ViewEvents of(int n, String eventType) {
        for (int i = 0; i < n; i++) {
            Map<String, Object> event = TestEvents.event(eventType, Map.of());
            add((String) event.get("event_id"), TestEvents.json(event));
        }
        return this;
    }

    private void add(String id, byte[] json) {
        ids.add(id);
        records.add(new ProducerRecord<>(ViewProfile.TOPIC, json));
    }

    void produce() {
        KafkaBroker.companion().produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(60));
    }

    /**
     * From classified-events (what the service published for these events): per technique id, the number of
     * these events with at least one match tagged with it. Empty until all of them are published.
     */
    Map<String, Long> publishedTechniqueCounts() {
        Map<String, Set<String>> techniquesById = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(KafkaBroker.broker().bootstrapServers(),
                "classified-events")) {
            try {
                JsonNode value = JSON.readTree(record.value());
                String id = value.get("event_id").asText();
                if (ids.contains(id)) {
                    Set<String> techniques = new HashSet<>();
                    value.get("matches").forEach(m -> m.get("techniques")
                            .forEach(t -> techniques.add(t.get("id").asText().toUpperCase(Locale.ROOT))));
                    techniquesById.put(id, techniques);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, Long> counts = new HashMap<>();
        if (techniquesById.size() < ids.size()) {
            return counts;
        }
        techniquesById.values().forEach(set -> set.forEach(t -> counts.merge(t, 1L, Long::sum)));
        return counts;
    }
}
