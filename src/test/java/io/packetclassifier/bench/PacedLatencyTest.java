package io.packetclassifier.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class PacedLatencyTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void p99PerSliceShowsASlowStartApartFromTheRest() {
        // 3 slices of 1 s, 100 events each: the first still catching up (1,000–1,099 ms), then 10–109 ms; one
        // more event sent as the 3 s window closed counts in the last slice.
        long[] latencies = new long[301];
        long[] sentAt = new long[301];
        for (int i = 0; i < 301; i++) {
            sentAt[i] = i * 10 * MS;
            latencies[i] = ((i < 100 ? 1_000 : 10) + i % 100) * MS;
        }
        assertThat(Benchmark.p99BySlice(latencies, sentAt, 1, 3)).isEqualTo("p99 per 1 s sent: 1098 / 108 / 108 ms");
    }
}
