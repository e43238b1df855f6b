package io.packetclassifier.tracing;

import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceId;
import io.opentelemetry.api.trace.TraceState;

/**
 * The {@code consume_event} span of an event that is not sampled: what the SDK would make (a span that records
 * nothing, in the trace named by the event id, with a fresh span id), kept as three longs. At a 1% sample
 * ratio nearly every event is one, and the SDK's hex strings for the ids cost more than the rest of tracing;
 * they are made only if someone asks for the {@link SpanContext}.
 */
final class UnsampledEventSpan implements Span {

    final long traceIdHi;
    final long traceIdLo;
    final long spanId;
    private SpanContext context;

    UnsampledEventSpan(long traceIdHi, long traceIdLo, long spanId) {
        this.traceIdHi = traceIdHi;
        this.traceIdLo = traceIdLo;
        this.spanId = spanId;
    }

    @Override
    public SpanContext getSpanContext() {
        if (context == null) {
            context = SpanContext.create(TraceId.fromLongs(traceIdHi, traceIdLo), SpanId.fromLong(spanId),
                    TraceFlags.getDefault(), TraceState.getDefault());
        }
        return context;
    }

    @Override
    public boolean isRecording() {
        return false;
    }

    @Override
    public <T> Span setAttribute(AttributeKey<T> key, T value) {
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes) {
        return this;
    }

    @Override
    public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
        return this;
    }

    @Override
    public Span setStatus(StatusCode statusCode, String description) {
        return this;
    }

    @Override
    public Span recordException(Throwable exception, Attributes additionalAttributes) {
        return this;
    }

    @Override
    public Span updateName(String name) {
        return this;
    }

    @Override
    public void end() {
    }

    @Override
    public void end(long timestamp, TimeUnit unit) {
    }

    @Override
    public String toString() {
        return "UnsampledEventSpan{" + getSpanContext() + "}";
    }
}
