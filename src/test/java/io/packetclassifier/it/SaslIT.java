package io.packetclassifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.devkafka.EmbeddedKafka;
import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.testing.ServiceProcess;

/** SASL/PLAIN to Kafka through the standard Kafka properties; a wrong password is reported, never printed. */
class SaslIT {

    static final String ADMIN_SECRET = "admin-secret-4711";
    static final String CLASSIFIER_SECRET = "classifier-secret-0815";
    static final String WRONG_SECRET = "wrong-secret-1234";
    static EmbeddedKafka broker;

    @BeforeAll
    static void startSaslBroker() throws Exception {
        int port = EmbeddedKafka.freePort();
        int controllerPort = EmbeddedKafka.freePort();
        Map<String, String> sasl = new HashMap<>();
        sasl.put("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        sasl.put("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
        sasl.put("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
        sasl.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        sasl.put("sasl.enabled.mechanisms", "PLAIN");
        sasl.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        sasl.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas("admin", ADMIN_SECRET)
                .replace(";", " user_admin=\"" + ADMIN_SECRET + "\" user_classifier=\"" + CLASSIFIER_SECRET + "\";"));
        broker = EmbeddedKafka.start(Files.createTempDirectory("sasl-kafka"), port, controllerPort, sasl);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void classifiesOverSaslWithTheRightPassword() throws Exception {
        String run = "sasl-" + UUID.randomUUID();
        Path csv = Path.of("target", "it-output", run + ".csv").toAbsolutePath();
        Set<String> ids = produce(run, 500);
        try (ServiceProcess service = ServiceProcess.start(config(run, csv, CLASSIFIER_SECRET, EmbeddedKafka.freePort()),
                CrashRecoveryIT.log(run))) {
            CrashRecoveryIT.awaitAllRows(csv, ids);
        }
        CrashRecoveryIT.assertExactlyOnce(csv, ids);
        assertThat(Files.readString(CrashRecoveryIT.log(run))).doesNotContain(CLASSIFIER_SECRET);
    }

    @Test
    void aWrongPasswordMakesItNotReadyWithAClearLogLineAndNoSecretInTheLog() throws Exception {
        String run = "sasl-wrong-" + UUID.randomUUID();
        Path csv = Path.of("target", "it-output", run + ".csv").toAbsolutePath();
        int httpPort = EmbeddedKafka.freePort();
        Path log = CrashRecoveryIT.log(run);
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
        try (ServiceProcess service = ServiceProcess.start(config(run, csv, WRONG_SECRET, httpPort), log)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(log)
                    && Files.readString(log).contains("Authentication failed"));
            await().atMost(Duration.ofSeconds(30)).until(() -> BrokerOutageIT.status(http, ready) == 503);
            assertThat(service.alive()).isTrue();
        }
        String text = Files.readString(log);
        assertThat(text).contains("Invalid username or password").doesNotContain(WRONG_SECRET);
        assertThat(Files.exists(csv) ? CrashRecoveryIT.dataLines(csv) : 0).isZero();
    }

    static Map<String, String> config(String run, Path csv, String password, int httpPort) {
        Map<String, String> config = CrashRecoveryIT.config(run, csv);
        config.put("kafka.bootstrap.servers", broker.bootstrapServers());
        config.put("kafka.security.protocol", "SASL_PLAINTEXT");
        config.put("kafka.sasl.mechanism", "PLAIN");
        config.put("kafka.sasl.jaas.config", jaas("classifier", password));
        config.put("quarkus.http.port", Integer.toString(httpPort));
        return config;
    }

    static String jaas(String user, String password) {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    static Set<String> produce(String topic, int count) throws Exception {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", broker.bootstrapServers());
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "PLAIN");
        config.put("sasl.jaas.config", jaas("admin", ADMIN_SECRET));
        Set<String> ids = new HashSet<>();
        Random random = new Random();
        ObjectMapper json = new ObjectMapper();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                byte[] event = SampleEvents.next(random);
                ids.add(json.readTree(event).get("event_id").asText());
                producer.send(new ProducerRecord<>(topic, event));
            }
            producer.flush();
        }
        return ids;
    }
}
