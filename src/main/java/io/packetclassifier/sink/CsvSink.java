package io.packetclassifier.sink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.observability.ClassifierMetrics;
import io.packetclassifier.pipeline.ClassifiedBatch;
import io.packetclassifier.pipeline.ClassifiedEvent;
import io.packetclassifier.pipeline.EventClassifier;
import io.packetclassifier.tracing.EventTracing;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Appends each classified batch to the CSV file and flushes it. The batch (and so its Kafka offsets) is
 * acknowledged when this method returns, i.e. only after the rows are flushed; a failed write is retried
 * with backoff instead, so no event is ever acknowledged unwritten.
 */
@ApplicationScoped
public class CsvSink {

    private static final Logger LOG = Logger.getLogger(CsvSink.class);
    private static final long MAX_BACKOFF_MS = 5_000;

    private final CsvConfig config;
    private final EventTracing tracing;
    private ClassifiedCsvFile file;
    private volatile boolean writable = true;
    @Inject
    ClassifierMetrics metrics;

    CsvSink(CsvConfig config, EventTracing tracing) {
        this.config = config;
        this.tracing = tracing;
    }

    @Incoming(EventClassifier.CLASSIFIED)
    @Blocking(ordered = true)
    public synchronized void write(ClassifiedBatch batch) throws InterruptedException {
        List<Span> writeSpans = new ArrayList<>(batch.events().size());
        for (ClassifiedEvent event : batch.events()) {
            writeSpans.add(tracing.startChild(event.span(), EventTracing.WRITE_CSV));
        }
        long backoff = 100;
        while (true) {
            try {
                long started = System.nanoTime();
                writeAndFlush(batch);
                metrics.batchWritten(batch, System.nanoTime() - started);
                break;
            } catch (IOException e) {
                writable = false;
                closeQuietly();
                LOG.errorf("Cannot write %s (%s); retrying in %d ms, offsets stay uncommitted", config.path(), e,
                        backoff);
                Thread.sleep(backoff);
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
    }

    private void writeAndFlush(ClassifiedBatch batch) throws IOException {
        if (file == null) {
            file = ClassifiedCsvFile.open(config.path(), config.escapeFormulas());
        }
        for (ClassifiedEvent classified : batch.events()) {
            SecurityEvent e = classified.event();
            file.append(e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                    classified.tactic(), classified.technique());
        }
        file.flush();
    }

    public boolean writable() {
        return writable;
    }

    @PreDestroy
    synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.debugf("Closing %s: %s", config.path(), e);
            }
            file = null;
        }
    }
}
