package io.packetclassifier.output;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.output.csv.CsvOutput;
import io.packetclassifier.output.deadletter.DeadLetterQueue;
import io.packetclassifier.output.publish.ClassifiedEventsTopic;
import io.packetclassifier.tracing.EventTracing;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Writes each classified batch to the three outputs at once (rows to the CSV file, documents to
 * {@code classified-events}, rejected records to the dead-letter topic) and waits for all three. The batch, and so
 * its Kafka offsets, is acknowledged when {@link #write} returns; a failed write is retried with backoff instead,
 * so nothing is acknowledged unwritten. Observers then learn of the batch from a {@link WrittenBatch} event.
 */
@ApplicationScoped
public class BatchWriter {

    private static final Logger LOG = Logger.getLogger(BatchWriter.class);
    private static final long FIRST_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 5_000;

    private final CsvOutput csv;
    private final ClassifiedEventsTopic classifiedEvents;
    private final DeadLetterQueue deadLetters;
    private final EventTracing tracing;
    private final Event<WrittenBatch> written;
    private boolean stopping;

    BatchWriter(CsvOutput csv, ClassifiedEventsTopic classifiedEvents, DeadLetterQueue deadLetters,
            EventTracing tracing, Event<WrittenBatch> written) {
        this.csv = csv;
        this.classifiedEvents = classifiedEvents;
        this.deadLetters = deadLetters;
        this.tracing = tracing;
        this.written = written;
    }

    @Incoming(ClassifiedBatch.CHANNEL)
    @Blocking(ordered = true)
    public synchronized void write(ClassifiedBatch batch) throws InterruptedException {
        List<Span> writeSpans = new ArrayList<>(batch.events().size());
        for (ClassifiedEvent event : batch.events()) {
            writeSpans.add(tracing.startChild(event.span(), EventTracing.WRITE_CSV)); // no-op span when unsampled
        }
        long writeNanos = writeUntilDone(batch);
        for (Span span : writeSpans) {
            span.end();
        }
        for (ClassifiedEvent event : batch.events()) {
            event.span().end();
        }
        try {
            written.fire(new WrittenBatch(batch, writeNanos));
        } catch (RuntimeException e) { // the batch is written: an observer's bug must not stop the stream
            LOG.errorf(e, "An observer of written batches failed");
        }
    }

    /** Writes the batch, retrying with backoff until it is written; returns how long the last attempt took. */
    private long writeUntilDone(ClassifiedBatch batch) throws InterruptedException {
        long backoff = FIRST_BACKOFF_MS;
        boolean failed = false;
        while (true) {
            try {
                long started = System.nanoTime();
                writeOnce(batch);
                if (failed) {
                    LOG.info("Writing the outputs works again");
                }
                return System.nanoTime() - started;
            } catch (IOException e) {
                if (stopping) {
                    throw new IllegalStateException("Stopping with a batch unwritten; Kafka delivers it again", e);
                }
                // A line about the batch, so no trace id: its events belong to as many traces, and naming one would
                // point at an arbitrary event. Each event's write_csv span lasts through the retries instead.
                LOG.errorf("Cannot write a batch (%s); retrying in %d ms, offsets stay uncommitted", e, backoff);
                failed = true;
                wait(backoff); // releases the lock, so that a shutdown can end the retries
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * One attempt: the file is opened first, so that nothing is published while it cannot be; then the topics'
     * sends are handed over without waiting, so that the broker's round trips overlap with the CSV append.
     */
    private void writeOnce(ClassifiedBatch batch) throws IOException, InterruptedException {
        csv.open();
        DeadLetterQueue.Sent deadLettered = deadLetters.send(batch.rejected());
        ClassifiedEventsTopic.Sent published = classifiedEvents.send(batch.events()); // a replayed event again
        csv.append(batch.events());
        published.await();
        deadLettered.await();
    }

    @PreDestroy
    synchronized void close() {
        stopping = true;
        notifyAll();
        csv.close();
    }
}
