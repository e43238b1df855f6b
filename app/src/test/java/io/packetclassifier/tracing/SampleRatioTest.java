package io.packetclassifier.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;

/**
 * classifier.tracing.sample-ratio with the SDK's default sampler (parentbased_always_on): the share of
 * events recorded is the ratio, for UUID event ids, where OpenTelemetry's traceidratio samples nearly none
 * below 0.5. Events with a traceparent header keep the producer's decision.
 */
class SampleRatioTest {

    private static final int EVENTS = 100_000;

    private static EventTracing tracing(double ratio) {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        return new EventTracing(sdk, () -> ratio);
    }

    private static double recordedShare(EventTracing tracing) {
        int recorded = 0;
        for (int i = 0; i < EVENTS; i++) {
            Span span = tracing.startConsume(tracing.parentOf(null, UUID.randomUUID().toString()));
            if (span.isRecording()) {
                recorded++;
            }
            span.end();
        }
        return recorded / (double) EVENTS;
    }

    @Test
    void theShareRecordedIsTheRatio() {
        assertThat(recordedShare(tracing(1.0))).isEqualTo(1.0);
        assertThat(recordedShare(tracing(0.0))).isEqualTo(0.0);
        assertThat(recordedShare(tracing(0.01))).isCloseTo(0.01, within(0.002));
        assertThat(recordedShare(tracing(0.25))).isCloseTo(0.25, within(0.01));
        assertThat(recordedShare(tracing(0.5))).isCloseTo(0.5, within(0.01));
    }

    @Test
    void theDecisionIsTheSameForTheSameEventAndTheTraceIdIsTheEventId() {
        EventTracing tracing = tracing(0.3);
        String id = UUID.randomUUID().toString();
        Context first = tracing.parentOf(null, id);
        for (int i = 0; i < 10; i++) {
            assertThat(Span.fromContext(tracing.parentOf(null, id)).getSpanContext().isSampled())
                    .isEqualTo(Span.fromContext(first).getSpanContext().isSampled());
        }
        assertThat(Span.fromContext(first).getSpanContext().getTraceId()).isEqualTo(id.replace("-", ""));
    }

    @Test
    void aTraceparentHeaderKeepsTheProducersDecision() {
        EventTracing tracing = tracing(0.0);
        RecordHeaders sampled = new RecordHeaders();
        sampled.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes());
        assertThat(tracing.startConsume(tracing.parentOf(sampled, UUID.randomUUID().toString())).isRecording()).isTrue();
        RecordHeaders notSampled = new RecordHeaders();
        notSampled.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00".getBytes());
        assertThat(tracing(1.0).startConsume(tracing.parentOf(notSampled, UUID.randomUUID().toString())).isRecording())
                .isFalse();
    }
}
