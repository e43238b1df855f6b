package io.packetclassifier.output.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The CSV output: the file every classified event is appended to as a row. */
@ConfigMapping(prefix = "classifier.csv")
public interface CsvConfig {

    /** The file rows are appended to; created with a header when missing or empty. */
    @WithDefault("classified_packets.csv")
    Path path();

    /** Prefix cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a single quote. */
    @WithDefault("true")
    boolean escapeFormulas();

    /** Add the columns rule_id, technique_name and all_techniques after the seed's eight. */
    @WithDefault("false")
    boolean extraColumns();

    /**
     * How much of the file's end is checked at start-up for rows of events that Kafka will deliver again
     * (written, not yet committed, when the process died). Must hold the rows of one commit interval.
     */
    @WithDefault("67108864")
    int replayWindowBytes();

    /**
     * The CSV files of the other instances in the consumer group, where they are readable (shared volume):
     * after a rebalance, events another instance wrote but did not commit before it died are recognised.
     */
    Optional<List<Path>> peerPaths();
}
