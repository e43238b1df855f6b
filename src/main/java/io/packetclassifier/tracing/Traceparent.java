package io.packetclassifier.tracing;

import java.nio.charset.StandardCharsets;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The W3C {@code traceparent} header of a span, {@code 00-<trace id>-<span id>-<flags>}, as its 55 bytes. */
public final class Traceparent {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private Traceparent() {
    }

    /** The header of {@code span}; null when its context is not valid (nothing to continue). */
    public static byte[] of(Span span) {
        if (span instanceof UnsampledEventSpan unsampled) {
            byte[] header = frame();
            hex(unsampled.traceIdHi, header, 3);
            hex(unsampled.traceIdLo, header, 19);
            hex(unsampled.spanId, header, 36);
            header[53] = '0';
            header[54] = '0';
            return header;
        }
        return of(span.getSpanContext());
    }

    /** The header of {@code span}; null when it is not valid. */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): the ids are lower-case hex, one byte a char
    public static byte[] of(SpanContext span) {
        if (!span.isValid()) {
            return null;
        }
        byte[] header = frame();
        span.getTraceId().getBytes(0, 32, header, 3);
        span.getSpanId().getBytes(0, 16, header, 36);
        span.getTraceFlags().asHex().getBytes(0, 2, header, 53);
        return header;
    }

    private static byte[] frame() {
        byte[] header = new byte[55];
        header[0] = '0';
        header[1] = '0';
        header[2] = '-';
        header[35] = '-';
        header[52] = '-';
        return header;
    }

    private static void hex(long value, byte[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) value & 0xF];
            value >>>= 4;
        }
    }
}
