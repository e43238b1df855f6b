package io.packetclassifier.tracing;

import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;

/**
 * Logs a line about one event with that event's trace in the MDC: {@code traceId}, {@code spanId} and
 * {@code sampled}, the keys Quarkus's OpenTelemetry integration fills (the JSON console format prints them in
 * its {@code mdc} object, a text format with {@code %X{traceId}}).
 * <p>
 * The event's span is made current only around the log call, and only when the line is logged at all: events
 * that log nothing (nearly all of them) pay nothing. Making a span current is what fills the MDC in Quarkus
 * 3.33: on a duplicated Vert.x context (where the {@code @Blocking} writer runs, on {@code executor-thread-N})
 * the keys go to that context's MDC, on a thread without a Vert.x context to the thread's own; closing the
 * scope restores what was there. On a Vert.x root context (an event loop outside any duplicated context)
 * Quarkus would keep them in a throwaway duplicate, so a line logged there would carry no ids: none of ours is.
 */
public final class TraceLog {

    private static final String FQCN = TraceLog.class.getName();

    private TraceLog() {
    }

    /** {@code log.logf(level, format, params)} inside {@code span}; without ids when the span context is invalid. */
    public static void logf(Logger log, Logger.Level level, SpanContext span, String format, Object... params) {
        if (!log.isEnabled(level)) {
            return;
        }
        if (span == null || !span.isValid()) {
            log.logf(FQCN, level, null, format, params);
            return;
        }
        try (Scope ignored = Span.wrap(span).makeCurrent()) {
            log.logf(FQCN, level, null, format, params);
        }
    }
}
