package io.packetclassifier.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Vetoed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.packetclassifier.domain.ClassifiedBatch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * The classifier's stream between the connector and the writer, with the classification itself stubbed: what runs
 * ahead of the writer and how far, in which order batches leave, and what a batch that fails to classify gets.
 */
class ClassifierStreamTest {

    private static final TopicPartition RAW_EVENTS = new TopicPartition("raw-events", 0);

    private final List<Throwable> nacked = new CopyOnWriteArrayList<>();
    private final AtomicInteger polled = new AtomicInteger();

    @Test
    void theNextBatchIsClassifiedWhileTheSinkWritesOne() {
        StubClassifier classifier = new StubClassifier(-1);
        // The writer took one batch and is still writing it: it asks for nothing more.
        AssertSubscriber<Message<ClassifiedBatch>> writer = classifier.classify(polled(10))
                .subscribe().withSubscriber(AssertSubscriber.create(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> writer.getItems().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> classifier.classified.size() == 2);
        assertThat(offsets(writer.getItems())).containsExactly(0L);

        // Bounded: nothing beyond the one classified batch waits for the writer, few polled ones wait behind it.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                .until(() -> classifier.classified.size() == 1 + EventClassifier.CLASSIFIED_AHEAD);
        assertThat(polled.get()).isLessThanOrEqualTo(1 + EventClassifier.CLASSIFIED_AHEAD + EventClassifier.POLLED_AHEAD);
    }

    @Test
    void batchesLeaveInPollOrderAndOneThatFailsToClassifyIsNackedNotPassedOn() {
        StubClassifier classifier = new StubClassifier(3);
        AssertSubscriber<Message<ClassifiedBatch>> writer = classifier.classify(polled(8))
                .subscribe().withSubscriber(AssertSubscriber.create(Long.MAX_VALUE));

        writer.awaitCompletion(Duration.ofSeconds(5));
        assertThat(offsets(writer.getItems())).containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 7L);
        // Nacked: the channel's failure strategy decides (by default it stops, the offset uncommitted).
        assertThat(nacked).singleElement().satisfies(e -> assertThat(e).hasMessage("rules failed on batch 3"));
    }

    /** Batches of one record each, at offsets 0, 1, 2, ...; counts those the stream takes. */
    private Multi<KafkaRecordBatch<byte[], byte[]>> polled(int batches) {
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler failures = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                nacked.add(reason);
                return Uni.createFrom().voidItem();
            }
        };
        return Multi.createFrom().range(0, batches).map(offset -> {
            polled.incrementAndGet();
            ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(RAW_EVENTS,
                    List.of(new ConsumerRecord<>(RAW_EVENTS.topic(), 0, offset, new byte[0], new byte[0]))), Map.of());
            return new IncomingKafkaRecordBatch<>(records, "raw-events", 0, commits, failures, false, false);
        });
    }

    private static List<Long> offsets(List<Message<ClassifiedBatch>> messages) {
        return messages.stream().map(m -> m.getMetadata(IncomingKafkaRecordBatchMetadata.class).orElseThrow())
                .map(batch -> ((ConsumerRecords<?, ?>) batch.getRecords()).iterator().next().offset()).toList();
    }

    /** The stream of the real classifier around a stand-in for parsing and rules; batch {@code failing} throws. */
    @Vetoed
    static final class StubClassifier extends EventClassifier {

        final List<Long> classified = new CopyOnWriteArrayList<>();
        private final long failing;

        StubClassifier(long failing) {
            super(null, null, null, null);
            this.failing = failing;
        }

        @Override
        Message<ClassifiedBatch> classify(KafkaRecordBatch<byte[], byte[]> batch) {
            long offset = ((IncomingKafkaRecord<?, ?>) batch.getRecords().get(0)).getOffset();
            if (offset == failing) {
                throw new IllegalStateException("rules failed on batch " + offset);
            }
            classified.add(offset);
            return batch.withPayload(new ClassifiedBatch(List.of(), List.of(), 0, List.of(), 0));
        }
    }
}
