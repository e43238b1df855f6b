package io.packetclassifier.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;

/** The traceparent header written on classified-events, from an SDK span's context or an unsampled event's span. */
class TraceparentTest {

    private static String text(byte[] header) {
        return header == null ? null : new String(header, StandardCharsets.US_ASCII);
    }

    @Test
    void aSpanContextGivesTheW3cForm() {
        SpanContext sampled = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        assertThat(text(Traceparent.of(sampled))).isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(text(Traceparent.of(Span.wrap(sampled))))
                .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    }

    @Test
    void anUnsampledEventsSpanGivesTheSameHeaderAsItsContext() {
        UUID id = UUID.fromString("0af76519-16cd-43dd-8448-eb211c80319c");
        for (long spanId : new long[] { 1, 0xb7ad6b7169203331L, -1 }) {
            UnsampledEventSpan span = new UnsampledEventSpan(id.getMostSignificantBits(), id.getLeastSignificantBits(),
                    spanId);
            String header = text(Traceparent.of(span));
            assertThat(header).isEqualTo(text(Traceparent.of(span.getSpanContext())));
            assertThat(header).startsWith("00-0af7651916cd43dd8448eb211c80319c-").endsWith("-00").hasSize(55);
        }
        assertThat(text(Traceparent.of(new UnsampledEventSpan(1, 2, 0xb7ad6b7169203331L))))
                .isEqualTo("00-00000000000000010000000000000002-b7ad6b7169203331-00");
    }

    @Test
    void anInvalidSpanGivesNoHeader() {
        assertThat(Traceparent.of(Span.getInvalid())).isNull();
    }
}
