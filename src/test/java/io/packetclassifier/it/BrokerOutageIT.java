package io.packetclassifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.devkafka.EmbeddedKafka;
import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.testing.ServiceProcess;

/**
 * The broker goes away for 20 s mid-stream and comes back on the same port with the same data: the service
 * stays up, reports not-ready meanwhile, and writes every event exactly once.
 */
class BrokerOutageIT {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void survivesA20SecondBrokerOutage() throws Exception {
        Path data = Files.createTempDirectory("outage-kafka");
        int port = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        int httpPort = EmbeddedKafka.freePort();
        String run = "outage-" + UUID.randomUUID();
        Path csv = Path.of("target", "it-output", run + ".csv").toAbsolutePath();
        EmbeddedKafka broker = EmbeddedKafka.start(data, port, controllerPort, Map.of());
        Set<String> ids = new HashSet<>();
        Map<String, String> config = CrashRecoveryIT.config(run, csv);
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("quarkus.http.port", Integer.toString(httpPort));
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
        try (ServiceProcess service = ServiceProcess.start(config, CrashRecoveryIT.log(run))) {
            produce(broker.bootstrapServers(), run, 10_000, ids);
            await().atMost(Duration.ofSeconds(60)).until(() -> CrashRecoveryIT.dataLines(csv) >= 10_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> status(http, ready) == 200);

            broker.close();
            long down = System.nanoTime();
            await().atMost(Duration.ofSeconds(20)).until(() -> status(http, ready) == 503);
            assertThat(service.alive()).isTrue();
            Thread.sleep(Math.max(0, Duration.ofSeconds(20).toMillis() - (System.nanoTime() - down) / 1_000_000));
            assertThat(status(http, ready)).as("still not ready after 20 s without a broker").isEqualTo(503);

            broker = EmbeddedKafka.start(data, port, controllerPort, Map.of());
            produce(broker.bootstrapServers(), run, 10_000, ids);
            await().atMost(Duration.ofSeconds(90)).until(() -> status(http, ready) == 200);
            CrashRecoveryIT.awaitAllRows(csv, ids);
            assertThat(service.alive()).isTrue();
        } finally {
            broker.close();
        }
        CrashRecoveryIT.assertExactlyOnce(csv, ids);
    }

    static int status(HttpClient http, URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static void produce(String bootstrap, String topic, int count, Set<String> ids) throws Exception {
        Random random = new Random();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                byte[] event = SampleEvents.next(random);
                ids.add(JSON.readTree(event).get("event_id").asText());
                producer.send(new ProducerRecord<>(topic, event));
            }
            producer.flush();
        }
    }
}
