package io.packetclassifier.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.pipeline.EventClassifier;
import io.packetclassifier.tracing.EventTracing;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Persists each classified batch: rows appended to the CSV file and flushed, rejected records on the
 * dead-letter topic. The batch (and so its Kafka offsets) is acknowledged when this method returns; a failed
 * write is retried with backoff instead, so nothing is acknowledged unwritten. Events replayed after a crash
 * whose rows are already at the end of the file are not written again.
 */
@ApplicationScoped
public class CsvSink {

    private static final Logger LOG = Logger.getLogger(CsvSink.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final CsvConfig config;
    private final EventTracing tracing;
    private final DeadLetterQueue deadLetters;
    private final ClassifiedEventsTopic classifiedEvents;
    private ClassifiedCsvFile file;
    /**
     * Rows written since the file's tail was last read. Every replay (restart, rebalance, write retry) reads the
     * tails again, so this only has to cover the batches in flight around a rebalance: the connector's queue
     * (twice max.poll.records, 4,000) and the batches between it and the file (one polled and one classified
     * ahead, one being classified, one being written: 8,000), about twelve thousand events. 32,768 leaves room
     * for more than twice that in two sets of 1 MiB, and still covers the ~30,000 of 5,000 per poll (README).
     */
    private static final int RECENT_IDS = 32_768;
    /** Observers learn of each batch once its rows are written (synchronously, on the writing thread). */
    @Inject
    Event<WrittenBatch> written;

    private RecentEventIds recentEventIds; // made by open(), from the file's tail, before the first write
    private volatile boolean partitionsAssigned;
    private volatile boolean writable = true;
    private boolean stopping;

    CsvSink(CsvConfig config, EventTracing tracing, DeadLetterQueue deadLetters, ClassifiedEventsTopic classifiedEvents) {
        this.config = config;
        this.tracing = tracing;
        this.deadLetters = deadLetters;
        this.classifiedEvents = classifiedEvents;
    }

    @Incoming(EventClassifier.CLASSIFIED)
    @Blocking(ordered = true)
    public synchronized void write(ClassifiedBatch batch) throws InterruptedException {
        List<Span> writeSpans = new ArrayList<>(batch.events().size());
        for (ClassifiedEvent event : batch.events()) {
            writeSpans.add(tracing.startChild(event.span(), EventTracing.WRITE_CSV)); // no-op span when unsampled
        }
        long backoff = 100;
        long writeNanos;
        while (true) {
            try {
                long started = System.nanoTime();
                persist(batch);
                writeNanos = System.nanoTime() - started;
                break;
            } catch (IOException e) {
                writable = false;
                closeQuietly();
                if (stopping) {
                    throw new IllegalStateException("Stopping with a batch unwritten; Kafka delivers it again", e);
                }
                // A line about the batch, so no trace id: its events belong to as many traces, and naming one would
                // point at an arbitrary event. Each event's write_csv span lasts through the retries instead.
                LOG.errorf("Cannot write %s (%s); retrying in %d ms, offsets stay uncommitted", config.path(), e,
                        backoff);
                wait(backoff); // releases the lock, so that a shutdown can end the retries
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
        if (!writable) {
            LOG.infof("Writing %s works again", config.path());
            writable = true;
        }
        for (Span span : writeSpans) {
            span.end();
        }
        for (ClassifiedEvent event : batch.events()) {
            event.span().end();
        }
        written.fire(new WrittenBatch(batch, writeNanos));
    }

    private void persist(ClassifiedBatch batch) throws IOException, InterruptedException {
        open();
        CompletableFuture<Void> deadLettered = batch.rejected().isEmpty() ? null : deadLetters.send(batch.rejected());
        // at-least-once: a replayed event is published again
        ClassifiedEventsTopic.Sent published = classifiedEvents.enabled() ? classifiedEvents.send(batch.events()) : null;
        // Known ids were delivered again: their rows are in the file already. A failed append reopens the file,
        // which rebuilds the ids from it, so adding before appending loses nothing. All look-ups first, then all
        // rows: the look-ups' cache misses then overlap instead of waiting one by one between appends.
        List<ClassifiedEvent> events = batch.events();
        boolean[] known = new boolean[events.size()];
        for (int i = 0; i < known.length; i++) {
            known[i] = recentEventIds.containsElseAdd(events.get(i).event().idHi(), events.get(i).event().idLo());
        }
        for (int i = 0; i < known.length; i++) {
            if (!known[i]) {
                file.append(events.get(i));
            }
        }
        file.flush();
        if (published != null) {
            published.await();
        }
        if (!file.stillAtPath()) {
            throw new IOException("the file was deleted or moved away while being written");
        }
        if (deadLettered != null) {
            try {
                deadLettered.get();
            } catch (ExecutionException e) {
                throw new IOException("dead-letter topic: " + e.getCause(), e.getCause());
            }
        }
    }

    /** Called on a rebalance: the new partitions' uncommitted events may be in another instance's file. */
    public void partitionsAssigned() {
        partitionsAssigned = true;
    }

    private void open() throws IOException {
        if (file != null && partitionsAssigned) {
            partitionsAssigned = false;
            EventIdSet ids = new EventIdSet();
            CsvRecovery.readPeerTail(config.path(), config.replayWindowBytes(), ids);
            readPeerTails(ids);
            recentEventIds.setFromFiles(ids);
        }
        if (file != null && file.stillAtPath()) {
            return;
        }
        if (file != null) {
            LOG.warnf("%s was deleted or moved away while being written: starting it again", config.path());
            closeQuietly();
        }
        partitionsAssigned = false;
        EventIdSet ids = new EventIdSet();
        readPeerTails(ids);
        CsvRecovery.Result recovered = CsvRecovery.recover(config.path(), config.replayWindowBytes(), ids);
        if (recovered.removedBytes() > 0) {
            LOG.warnf("Removed a torn last row (%d bytes) from %s: its event is read again from Kafka",
                    recovered.removedBytes(), config.path());
        }
        recentEventIds = new RecentEventIds(RECENT_IDS);
        recentEventIds.setFromFiles(recovered.tailEventIds());
        file = ClassifiedCsvFile.open(config.path(), config.escapeFormulas(), config.extraColumns());
    }

    private void readPeerTails(EventIdSet ids) throws IOException {
        for (java.nio.file.Path peer : config.peerPaths().orElse(List.of())) {
            CsvRecovery.readPeerTail(peer, config.replayWindowBytes(), ids);
        }
    }

    public boolean writable() {
        return writable;
    }

    @PreDestroy
    synchronized void close() {
        stopping = true;
        notifyAll();
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing %s: %s", config.path(), e);
        }
        file = null;
    }
}
