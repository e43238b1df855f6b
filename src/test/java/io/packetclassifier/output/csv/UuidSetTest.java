package io.packetclassifier.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidSetTest {

    @Test
    void holdsManyIdsAndFindsExactlyThose() {
        UuidSet set = new UuidSet();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            set.add(id);
        }
        assertThat(set.size()).isEqualTo(100_000);
        assertThat(ids).allMatch(id -> CsvFiles.contains(set, id));
        assertThat(CsvFiles.contains(set, ids.get(7).toUpperCase(Locale.ROOT))).as("hex is case-insensitive").isTrue();
        for (int i = 0; i < 10_000; i++) {
            assertThat(CsvFiles.contains(set, UUID.randomUUID().toString())).isFalse();
        }
        set.add(ids.get(0));
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void ignoresWhatIsNotAUuid() {
        UuidSet set = new UuidSet();
        set.add("event_id");
        set.add("not-a-uuid-but-exactly-36-chars-long");
        set.add("00000000-0000-0000-0000-000000000000");
        set.add("12345678-1234-1234-1234-1234567890az");
        assertThat(set.size()).isZero();
        assertThat(CsvFiles.contains(set, "00000000-0000-0000-0000-000000000000")).isFalse();
        assertThat(CsvFiles.contains(set, "short")).isFalse();
    }
}
