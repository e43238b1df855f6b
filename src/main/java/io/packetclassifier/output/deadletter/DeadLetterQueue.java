package io.packetclassifier.output.deadletter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.packetclassifier.domain.RejectedRecord;
import io.packetclassifier.tracing.TraceLog;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends records that are not valid events, unchanged, to the dead-letter topic (channel {@code dead-letters},
 * default topic {@code raw-events-dlq}) with headers saying why and where they came from. The batch is
 * acknowledged only once the broker has them.
 */
@ApplicationScoped
public class DeadLetterQueue {

    public static final String CHANNEL = "dead-letters";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String PAYLOAD_OMITTED = "dead-letter-payload-omitted";

    private static final Logger LOG = Logger.getLogger(DeadLetterQueue.class);

    private final Emitter<Record<byte[], byte[]>> emitter;
    private volatile String lastFailure;

    DeadLetterQueue(@Channel(CHANNEL) Emitter<Record<byte[], byte[]>> emitter) {
        this.emitter = emitter;
    }

    /** Why the last batch's dead letters could not be sent, or null. */
    public String problem() {
        return lastFailure;
    }

    /** Records handed to the channel, to be awaited once the CSV rows are written. */
    public final class Sent {

        private final List<RejectedRecord> records;
        private final CompletableFuture<Void> acknowledged;

        private Sent(List<RejectedRecord> records, CompletableFuture<Void> acknowledged) {
            this.records = records;
            this.acknowledged = acknowledged;
        }

        /**
         * Waits until the broker has acknowledged every record, then logs a line about each (in the record's
         * trace); fails if any was refused.
         */
        public void await() throws IOException, InterruptedException {
            if (records.isEmpty()) {
                return;
            }
            try {
                acknowledged.get();
            } catch (ExecutionException e) {
                lastFailure = "dead-letter topic: " + e.getCause();
                throw new IOException(lastFailure, e.getCause());
            }
            lastFailure = null;
            for (RejectedRecord record : records) {
                TraceLog.logf(LOG, Logger.Level.WARN, record.trace(), "Dead-lettered %s-%d@%d (%s): %s", record.topic(),
                        record.partition(), record.offset(), record.reason(), record.message());
            }
        }
    }

    /** Sends them all without waiting; {@link Sent#await()} waits for the acknowledgements. */
    public Sent send(List<RejectedRecord> rejected) {
        List<CompletableFuture<Void>> sent = new ArrayList<>(rejected.size());
        for (RejectedRecord record : rejected) {
            sent.add(send(record, record.value()));
        }
        return new Sent(rejected, CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)));
    }

    private CompletableFuture<Void> send(RejectedRecord record, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, utf8(record.reason()));
        headers.add(CAUSE, utf8(record.message()));
        headers.add(TOPIC, utf8(record.topic()));
        headers.add(PARTITION, utf8(Integer.toString(record.partition())));
        headers.add(OFFSET, utf8(Long.toString(record.offset())));
        if (value == null && record.value() != null) {
            headers.add(PAYLOAD_OMITTED, utf8(record.value().length + " bytes; the original is at the offset above"));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Metadata metadata = Metadata.of(OutgoingKafkaRecordMetadata.<byte[]> builder().withHeaders(headers).build());
        try {
            emitter.send(Message.of(Record.of(record.key(), value), metadata, () -> {
                done.complete(null);
                return CompletableFuture.completedFuture(null);
            }, failure -> {
                if (failure instanceof RecordTooLargeException && value != null) {
                    // Too large for the dead-letter topic: send the pointer to the original without its payload.
                    send(record, null).whenComplete((ok, error) -> complete(done, error));
                } else {
                    done.completeExceptionally(failure);
                }
                return CompletableFuture.completedFuture(null);
            }));
        } catch (RuntimeException e) { // a channel that cannot take messages: a failed send, retried with the batch
            done.completeExceptionally(e);
        }
        return done;
    }

    private static void complete(CompletableFuture<Void> done, Throwable error) {
        if (error == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(error);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
