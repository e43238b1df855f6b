package io.packetclassifier.tracing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Singleton;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.trace.IdGenerator;

/**
 * The spans of one event: {@code consume_event} (CONSUMER) with children {@code classify_event} and
 * {@code write_csv}. The parent is the record's {@code traceparent} header when it has a valid one, else a
 * remote span in the trace whose id is the event_id's 32 hex digits, so the producer's spans and ours form
 * one trace even when the producer sends no header (as the seed notebook's producer does).
 */
@Singleton // called per event: a singleton is injected as itself, without a client proxy's look-up per call
public class EventTracing {

    public static final String CONSUME_EVENT = "consume_event";
    public static final String CLASSIFY_EVENT = "classify_event";
    public static final String WRITE_CSV = "write_csv";

    private static final IdGenerator IDS = IdGenerator.random();
    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            for (Header header : headers) {
                keys.add(header.key());
            }
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    /** Events whose id hashes below this are sampled; Long.MAX_VALUE samples all. */
    private final long sampleBelow;

    /** Whether the SDK's sampler follows a remote parent's decision, so that ours is final (see startConsume). */
    private final boolean samplerFollowsParent;

    EventTracing(OpenTelemetry openTelemetry, TracingConfig config,
            @ConfigProperty(name = "quarkus.otel.traces.sampler", defaultValue = "parentbased_always_on") String sampler) {
        this.tracer = openTelemetry.getTracer("packet-classifier");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        double ratio = Math.max(0, Math.min(1, config.sampleRatio()));
        this.sampleBelow = ratio >= 1 ? Long.MAX_VALUE : (long) (ratio * Long.MAX_VALUE);
        this.samplerFollowsParent = sampler.startsWith("parentbased_");
    }

    /**
     * The {@code consume_event} span of an event whose id has the 128 bits {@code idHi}, {@code idLo}: a child
     * of the record's traceparent when it has a valid one, else of a remote parent in the trace named by the
     * id (both zero: a new trace, for a record that is not an event). When that trace is not sampled, the span
     * is made here rather than by the SDK, which would make the same non-recording span but pay for hex id
     * strings nobody reads.
     */
    public Span startConsume(Headers headers, long idHi, long idLo) {
        Context propagated = propagated(headers);
        if (propagated != null) {
            return startConsume(propagated);
        }
        if ((idHi | idLo) == 0) {
            return startConsume(Context.root());
        }
        boolean sampled = sampled(idHi, idLo);
        if (!sampled && samplerFollowsParent) {
            return new UnsampledEventSpan(idHi, idLo, nonZeroRandom());
        }
        return startConsume(derivedParent(idHi, idLo, sampled));
    }

    /** The context of the record's valid traceparent header; null when it has none. */
    private Context propagated(Headers headers) {
        if (headers != null && headers.lastHeader("traceparent") != null) {
            Context extracted = propagator.extract(Context.root(), headers, KAFKA_HEADERS);
            if (Span.fromContext(extracted).getSpanContext().isValid()) {
                return extracted;
            }
        }
        return null;
    }

    /**
     * A remote parent in the trace whose id is the event id's 32 hex digits, lower case. Valid: the id is not all
     * zero (startConsume checks) and the generator's span ids never are.
     */
    private static Context derivedParent(long idHi, long idLo, boolean sampled) {
        TraceFlags flags = sampled ? TraceFlags.getSampled() : TraceFlags.getDefault();
        SpanContext remote = SpanContext.createFromRemoteParent(TraceId.fromLongs(idHi, idLo),
                IDS.generateSpanId(), flags, TraceState.getDefault());
        return Context.root().with(Span.wrap(remote));
    }

    private static long nonZeroRandom() {
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong();
        } while (id == 0);
        return id;
    }

    /**
     * The sampling decision for a trace we start from an event id, carried to our spans by the remote parent's
     * flag (the default sampler, parentbased_always_on, follows it). Hashing all 128 bits keeps the ratio
     * true for UUIDs, whose fixed version and variant bits skew samplers that read the id's digits directly.
     */
    boolean sampled(long idHi, long idLo) {
        if (sampleBelow == Long.MAX_VALUE) {
            return true;
        }
        long h = mix(idHi ^ Long.rotateLeft(idLo, 32));
        return (h >>> 1) < sampleBelow;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ h >>> 33;
    }

    private Span startConsume(Context parent) {
        return tracer.spanBuilder(CONSUME_EVENT).setParent(parent).setSpanKind(SpanKind.CONSUMER).startSpan();
    }

    /**
     * A child span; none (a no-op span) when the parent is not recording: the samplers in use decide by trace
     * id or by parent, so the child would not be sampled either, and most events are not.
     */
    public Span startChild(Span parent, String name) {
        if (!parent.isRecording()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(name).setParent(Context.root().with(parent)).startSpan();
    }
}
