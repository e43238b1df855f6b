package io.packetclassifier.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;

/**
 * classifier.tracing.sample-ratio with the SDK's default sampler (parentbased_always_on): the share of
 * events recorded is the ratio, for UUID event ids, where OpenTelemetry's traceidratio samples nearly none
 * below 0.5. Events with a traceparent header keep the producer's decision; a sampler that does not follow
 * the parent makes its own.
 */
class SampleRatioTest {

    private static final int EVENTS = 100_000;

    private static EventTracing tracing(double ratio) {
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        return new EventTracing(sdk, () -> ratio, "parentbased_always_on");
    }

    private static double recordedShare(EventTracing tracing) {
        int recorded = 0;
        for (int i = 0; i < EVENTS; i++) {
            UUID id = UUID.randomUUID();
            Span span = tracing.startConsume(null, id.getMostSignificantBits(), id.getLeastSignificantBits());
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
        UUID id = UUID.randomUUID();
        Span first = tracing.startConsume(null, id.getMostSignificantBits(), id.getLeastSignificantBits());
        for (int i = 0; i < 10; i++) {
            assertThat(tracing.startConsume(null, id.getMostSignificantBits(), id.getLeastSignificantBits())
                    .getSpanContext().isSampled()).isEqualTo(first.getSpanContext().isSampled());
        }
        assertThat(first.getSpanContext().getTraceId()).isEqualTo(id.toString().replace("-", ""));
    }

    @Test
    void theEventsSpanIsInTheTraceNamedByItsIdWhetherSampledOrNot() {
        for (double ratio : new double[] { 0.0, 1.0 }) {
            UUID id = UUID.randomUUID();
            Span span = tracing(ratio).startConsume(null, id.getMostSignificantBits(), id.getLeastSignificantBits());
            assertThat(span.isRecording()).isEqualTo(ratio == 1.0);
            assertThat(span.getSpanContext().isValid()).isTrue();
            assertThat(span.getSpanContext().isSampled()).isEqualTo(ratio == 1.0);
            assertThat(span.getSpanContext().getTraceId()).isEqualTo(id.toString().replace("-", ""));
            span.end();
        }
    }

    @Test
    void aSamplerThatDoesNotFollowTheParentDecidesItself() {
        OpenTelemetrySdk alwaysOn = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build()).build();
        EventTracing tracing = new EventTracing(alwaysOn, () -> 0.0, "always_on");
        UUID id = UUID.randomUUID();
        assertThat(tracing.startConsume(null, id.getMostSignificantBits(), id.getLeastSignificantBits()).isRecording())
                .isTrue();
    }

    @Test
    void aTraceparentHeaderKeepsTheProducersDecision() {
        EventTracing tracing = tracing(0.0);
        RecordHeaders sampled = new RecordHeaders();
        sampled.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes());
        RecordHeaders notSampled = new RecordHeaders();
        notSampled.add("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00".getBytes());
        UUID id = UUID.randomUUID();
        assertThat(tracing.startConsume(sampled, id.getMostSignificantBits(), id.getLeastSignificantBits()).isRecording())
                .isTrue();
        Span child = tracing(1.0).startConsume(notSampled, id.getMostSignificantBits(), id.getLeastSignificantBits());
        assertThat(child.isRecording()).isFalse();
        assertThat(child.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
        Span rejected = tracing(0.0).startConsume(sampled, 0, 0); // a record that is no event: only its header counts
        assertThat(rejected.isRecording()).isTrue();
        assertThat(rejected.getSpanContext().getTraceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }
}
