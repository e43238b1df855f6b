package io.packetclassifier.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The compose lab's producer: the same service with the generator on and consumption off
 * (CLASSIFIER_GENERATOR_ENABLED=true, MP_MESSAGING_INCOMING_RAW_EVENTS_ENABLED=false). It publishes and
 * writes nothing.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(GeneratorOnlyModeTest.GeneratorOnly.class)
class GeneratorOnlyModeTest {

    static final Path CSV = Path.of("target", "generator-only", "classified_packets.csv").toAbsolutePath();

    public static class GeneratorOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.generator.enabled", "true", "classifier.generator.rate", "200",
                    "mp.messaging.incoming.raw-events.enabled", "false", "classifier.csv.path", CSV.toString());
        }
    }

    @Test
    void publishesSampleEventsAndConsumesNothing() {
        TopicPartition partition = new TopicPartition("raw-events", 0);
        KafkaCompanion kafka = KafkaBroker.companion();
        long start = await().atMost(Duration.ofSeconds(30))
                .until(() -> kafka.offsets().get(partition, OffsetSpec.latest()).offset(), offset -> offset >= 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> kafka.offsets().get(partition, OffsetSpec.latest()).offset() >= start + 50);
        assertThat(Files.exists(CSV)).as("no CSV in generator-only mode").isFalse();
    }
}
