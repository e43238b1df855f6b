package io.packetclassifier.rules;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "classifier.rules")
public interface RulesConfig {

    /** Sigma rule files and folders (searched recursively for *.yml, *.yaml); none: the seed rules only. */
    Optional<List<Path>> sigmaPaths();

    /** A properties file of {@code SigmaField=event_field} lines overriding CamelCase → snake_case. */
    Optional<Path> fieldMapping();

    /** event_type → Sigma logsource category, added to the defaults (process_start → process_creation, …). */
    Map<String, String> logsource();

    /** An official ATT&CK STIX 2.x bundle (enterprise-attack.json) replacing the bundled v18 catalog. */
    Optional<Path> attackBundle();

    /**
     * Evaluate a rule only when one of its literal strings occurs in the event (one Aho–Corasick pass per field);
     * {@code false} evaluates every rule of the event's category, the same verdicts at a higher cost.
     */
    @WithDefault("true")
    boolean prefilter();

    /** How often rule files are checked for changes; 0 turns hot reload off. */
    @WithDefault("5s")
    Duration reloadInterval();
}
