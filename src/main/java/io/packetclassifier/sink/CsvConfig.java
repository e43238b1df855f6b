package io.packetclassifier.sink;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classifier.csv")
public interface CsvConfig {

    /** The file rows are appended to; created with a header when missing or empty. */
    @WithDefault("classified_packets.csv")
    Path path();

    /** Prefix cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a single quote. */
    @WithDefault("true")
    boolean escapeFormulas();
}
