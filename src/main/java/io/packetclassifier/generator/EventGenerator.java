package io.packetclassifier.generator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Publishes sample events to {@code raw-events} so that a fresh {@code quarkus:dev} has something to classify. */
@ApplicationScoped
public class EventGenerator {

    private static final Logger LOG = Logger.getLogger(EventGenerator.class);

    private final GeneratorConfig config;
    private final String bootstrapServers;
    private KafkaProducer<byte[], byte[]> producer;
    private ScheduledExecutorService scheduler;
    private volatile ScheduledFuture<?> task; // read without the lock by running(), from the page's threads
    private volatile double rate;

    EventGenerator(GeneratorConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.rate = config.rate();
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            start(rate);
        }
    }

    public synchronized void start(double eventsPerSecond) {
        stop();
        if (eventsPerSecond <= 0) {
            throw new IllegalArgumentException("rate must be positive, was " + eventsPerSecond);
        }
        rate = eventsPerSecond;
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.CLIENT_ID_CONFIG, "packet-classifier-generator"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "event-generator"));
        long periodMicros = Math.max(1, (long) (1_000_000 / eventsPerSecond));
        task = scheduler.scheduleAtFixedRate(this::publishOne, 0, periodMicros, TimeUnit.MICROSECONDS);
        LOG.infof("Generator publishing %.1f sample events/s to %s", eventsPerSecond, config.topic());
    }

    public synchronized void stop() {
        if (task != null) {
            task.cancel(false);
            scheduler.shutdown();
            task = null;
            LOG.info("Generator stopped");
        }
    }

    public boolean running() {
        return task != null;
    }

    public double rate() {
        return rate;
    }

    private void publishOne() {
        // Not RandomGenerator.getDefault(): it picks its algorithm by service loading, off in Quarkus's native images.
        producer.send(new ProducerRecord<>(config.topic(), SampleEvents.next(ThreadLocalRandom.current())), (metadata, error) -> {
            if (error != null) {
                LOG.debugf("Generator could not publish: %s", error.toString());
            }
        });
    }

    @PreDestroy
    synchronized void close() {
        stop();
        if (producer != null) {
            producer.close(Duration.ofSeconds(5)); // bounded: the broker may be gone already
            producer = null;
        }
    }
}
