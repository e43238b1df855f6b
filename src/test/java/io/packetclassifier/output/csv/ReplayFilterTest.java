package io.packetclassifier.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayFilterTest {

    @Test
    void knowsAtLeastTheLastGenerationAndAtMostTwice() {
        ReplayFilter ids = new ReplayFilter(4);
        for (long n = 1; n <= 6; n++) {
            assertThat(ids.containsElseAdd(n, -n)).as("first sight of %d", n).isFalse();
        }
        for (long n = 1; n <= 6; n++) {
            assertThat(ids.containsElseAdd(n, -n)).as("id %d of 6, generation 4", n).isTrue();
        }
    }

    /** The sets are emptied and used again: ids from two generations back must not linger in them. */
    @Test
    void forgetsIdsOlderThanTwoGenerations() {
        ReplayFilter ids = new ReplayFilter(4);
        for (long n = 1; n <= 12; n++) {
            ids.containsElseAdd(n, -n);
        }
        for (long n = 9; n <= 12; n++) {
            assertThat(ids.containsElseAdd(n, -n)).as("id %d", n).isTrue();
        }
        for (long n = 1; n <= 8; n++) {
            assertThat(ids.containsElseAdd(n, -n)).as("id %d", n).isFalse();
        }
    }
}
