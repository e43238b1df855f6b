package io.packetclassifier.classifier;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.domain.LabelCount;
import io.packetclassifier.domain.RejectedRecord;
import io.packetclassifier.event.EventParser;
import io.packetclassifier.event.InvalidEventException;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.output.csv.CsvRowFormat;
import io.packetclassifier.output.publish.ClassifiedEventJson;
import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.tracing.EventTracing;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Parses and classifies each polled batch of {@code raw-events} records and passes it on, still carrying
 * the batch's acknowledgement: offsets are committed only once the writer has written it to every output.
 * Classifying runs on a worker thread, beside the writing.
 */
@ApplicationScoped
public class EventClassifier {

    private static final Logger LOG = Logger.getLogger(EventClassifier.class);

    static final String RAW_EVENTS = "raw-events";

    // Keys made once: setAttribute(String, ...) makes a key per call, whose UTF-8 name the exporter then encodes
    // again for every span (a key caches it).
    private static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("event.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("event.type");
    private static final AttributeKey<String> HOST_NAME = AttributeKey.stringKey("host.name");
    private static final AttributeKey<String> USER_NAME = AttributeKey.stringKey("user.name");
    private static final AttributeKey<String> MITRE_TACTIC = AttributeKey.stringKey("mitre.tactic");
    private static final AttributeKey<String> MITRE_TECHNIQUE = AttributeKey.stringKey("mitre.technique");

    /** Polled batches taken from the connector ahead of the classifier, and classified ones ahead of the writer. */
    static final int POLLED_AHEAD = 1;
    static final int CLASSIFIED_AHEAD = 1;

    private final EventParser parser = new EventParser();
    private final ActiveRules rules;
    private final EventTracing tracing;
    // The outputs' formats: each event's row and document are made here, so that the writer only appends and sends.
    private final CsvRowFormat csvRows;
    private final ClassifiedEventJson documents;

    EventClassifier(ActiveRules rules, EventTracing tracing, CsvRowFormat csvRows, ClassifiedEventJson documents) {
        this.rules = rules;
        this.tracing = tracing;
        this.csvRows = csvRows;
        this.documents = documents;
    }

    /**
     * Classifies each polled batch on a worker thread while the writer writes the one before. The writer asks for
     * a batch only once it has written the last, and a per-batch method would only be called on that ask, so
     * classifying and writing would take turns. Here the polled batches are taken from the connector as they come
     * (at most {@link #POLLED_AHEAD} waiting) and up to {@link #CLASSIFIED_AHEAD} classified batches wait for the
     * writer: both bounded, and in order.
     */
    @Incoming(RAW_EVENTS)
    @Outgoing(ClassifiedBatch.CHANNEL)
    public Multi<Message<ClassifiedBatch>> classify(Multi<KafkaRecordBatch<byte[], byte[]>> batches) {
        return batches.emitOn(Infrastructure.getDefaultWorkerPool(), POLLED_AHEAD)
                .onItem().transformToIterable(this::classifiedOrNacked)
                .emitOn(Runnable::run, CLASSIFIED_AHEAD);
    }

    /**
     * What SmallRye does when a processor method throws: the batch is nacked (the channel's failure strategy
     * decides what follows; by default consumption stops, uncommitted) and nothing is passed on for it.
     */
    private List<Message<ClassifiedBatch>> classifiedOrNacked(KafkaRecordBatch<byte[], byte[]> batch) {
        try {
            return List.of(classify(batch));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Classifying a batch of %d records failed", batch.getRecords().size());
            batch.nack(e);
            return List.of();
        }
    }

    Message<ClassifiedBatch> classify(KafkaRecordBatch<byte[], byte[]> batch) {
        long started = System.nanoTime();
        List<ClassifiedEvent> classified = new ArrayList<>(batch.getRecords().size());
        List<RejectedRecord> rejected = new ArrayList<>(0);
        for (KafkaRecord<byte[], byte[]> record : batch) {
            try {
                classified.add(classify(record, parser.parse(record.getPayload())));
            } catch (InvalidEventException e) {
                rejected.add(reject(record, offsetOf(record), e));
            }
        }
        return batch.withPayload(new ClassifiedBatch(classified, rejected, oldestTimestamp(batch),
                LabelCount.of(classified), System.nanoTime() - started));
    }

    /**
     * The Kafka timestamp of the batch's oldest record, 0 when none has one. Read from the polled records the
     * connector attaches: KafkaRecord.getTimestamp() makes an Instant per call.
     */
    private static long oldestTimestamp(KafkaRecordBatch<?, ?> batch) {
        ConsumerRecords<?, ?> polled = batch.getMetadata(IncomingKafkaRecordBatchMetadata.class)
                .map(IncomingKafkaRecordBatchMetadata::getRecords).orElse(ConsumerRecords.empty());
        long oldest = Long.MAX_VALUE;
        for (ConsumerRecord<?, ?> record : polled) {
            if (record.timestamp() > 0) {
                oldest = Math.min(oldest, record.timestamp());
            }
        }
        return oldest == Long.MAX_VALUE ? 0 : oldest;
    }

    private RejectedRecord reject(KafkaRecord<byte[], byte[]> record, long offset, InvalidEventException e) {
        Span span = tracing.startConsume(record.getHeaders(), 0, 0); // no event id to name a trace by
        span.setStatus(StatusCode.ERROR, e.reason().code());
        span.end();
        return new RejectedRecord(record.getTopic(), record.getPartition(), offset, record.getKey(), record.getPayload(),
                e.reason().code(), e.getMessage(), span.getSpanContext());
    }

    private ClassifiedEvent classify(KafkaRecord<byte[], byte[]> record, SecurityEvent event) {
        Span span = tracing.startConsume(record.getHeaders(), event.idHi(), event.idLo());
        if (span.isRecording()) {
            span.setAttribute(EVENT_ID, event.eventId());
            span.setAttribute(EVENT_TYPE, event.eventType());
            span.setAttribute(HOST_NAME, event.host());
            span.setAttribute(USER_NAME, event.user());
        }
        Span classifySpan = tracing.startChild(span, EventTracing.CLASSIFY_EVENT);
        Classification classification = rules.classify(event);
        classifySpan.end();
        if (span.isRecording()) {
            span.setAttribute(MITRE_TACTIC, classification.tactic());
            span.setAttribute(MITRE_TECHNIQUE, classification.technique());
        }
        return new ClassifiedEvent(event.columnsOnly(), classification, span, csvRows.row(event, classification),
                documents.json(event, classification));
    }

    private static long offsetOf(KafkaRecord<?, ?> record) {
        return record instanceof IncomingKafkaRecord<?, ?> incoming ? incoming.getOffset()
                : record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                        .orElseThrow(() -> new IllegalStateException("a Kafka record without an offset"));
    }
}
