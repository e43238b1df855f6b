package io.packetclassifier.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WrittenOffsetsTest {

    @TempDir
    Path dir;

    @Test
    void survivesAReopenAndIgnoresATornLine() throws Exception {
        Path path = WrittenOffsets.beside(dir.resolve("out.csv"));
        assertThat(path.getFileName().toString()).isEqualTo("out.csv.offsets");
        try (WrittenOffsets offsets = WrittenOffsets.open(path)) {
            offsets.record("raw-events", 0, 41);
            offsets.record("raw-events", 0, 99);
            offsets.record("raw-events", 3, 7);
            offsets.flush();
        }
        // A line torn by a crash mid-number: ignored (its batch is then recognised by event_id).
        Files.writeString(path, "raw-events\t0\t5000raw-ev", StandardOpenOption.APPEND);
        try (WrittenOffsets offsets = WrittenOffsets.open(path)) {
            assertThat(offsets.covers("raw-events", 0, 99)).isTrue();
            assertThat(offsets.covers("raw-events", 0, 100)).isFalse();
            assertThat(offsets.covers("raw-events", 3, 7)).isTrue();
            assertThat(offsets.covers("raw-events", 1, 0)).isFalse();
            assertThat(offsets.covers("other", 0, 0)).isFalse();
        }
        assertThat(Files.readAllLines(path)).hasSize(2); // compacted on open
    }
}
