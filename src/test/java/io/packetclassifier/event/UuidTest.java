package io.packetclassifier.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidTest {

    @Test
    void bitsAreThoseOfJavaUtilUuidInEitherCase() {
        long[] bits = new long[2];
        for (int i = 0; i < 10_000; i++) {
            UUID id = UUID.randomUUID();
            for (String text : new String[] { id.toString(), id.toString().toUpperCase(Locale.ROOT) }) {
                assertThat(Uuid.parse(text, bits)).isTrue();
                assertThat(bits).containsExactly(id.getMostSignificantBits(), id.getLeastSignificantBits());
            }
        }
    }

    @Test
    void refusesEverythingElse() {
        long[] bits = new long[2];
        String good = "3f2b8c1e-0000-4000-8000-00000000abcd";
        assertThat(Uuid.parse(good, bits)).isTrue();
        for (String bad : new String[] { "", "3f2b8c1e00004000800000000000abcd", good + "0", good.substring(1),
                good.replace('-', '_'), good.replace('a', 'g'), good.replace('b', 'B').replace('3', '\u0663'),
                good.replace('c', '\u00e9'), good.replace('d', '\u0100'), good.replace('f', '\uff46'),
                "3f2b8c1e-00004-000-8000-00000000abcd" }) {
            assertThat(Uuid.parse(bad, bits)).as(bad).isFalse();
        }
    }
}
