package io.packetclassifier.sigma;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.packetclassifier.attack.AttackCatalog;

/**
 * A set of Sigma rules, compiled for speed: load ({@link Builder}) → rule set → evaluate ({@link #matches},
 * {@link #classify}). A rule is evaluated only on events of its logsource category, and only if its literal
 * text occurs in the event or it has no such literal ({@link PrefilterIndex}). Immutable and thread-safe.
 */
public final class SigmaRuleSet {

    /** The seed notebook's rules, as Sigma rules: the default, and the fallback under any other rules. */
    public static final String SEED_RULES = "/rules/seed-rules.yml";

    private final List<LoadedRule> rules;
    private final PrefilterIndex index;
    private final List<UnsupportedRule> unsupported;
    private final Set<String> unknownAttackIds;
    private final ThreadLocal<EventView> views;

    private SigmaRuleSet(RuleLoader.Loaded loaded, PrefilterIndex index) {
        this.rules = List.copyOf(loaded.rules());
        this.index = index;
        this.unsupported = List.copyOf(loaded.unsupported());
        this.unknownAttackIds = Collections.unmodifiableSet(loaded.unknownAttackIds());
        String[] fieldNames = loaded.fieldNames();
        this.views = ThreadLocal.withInitial(() -> new EventView(fieldNames));
    }

    public static Builder builder(AttackCatalog catalog) {
        return new Builder(catalog);
    }

    public int size() {
        return rules.size();
    }

    /** How many of the rules are the seed notebook's. */
    public int seedRules() {
        return (int) rules.stream().filter(LoadedRule::seed).count();
    }

    /** Every loaded rule as a match reports it (id, title, level, source, ATT&CK tactics and techniques), in rule order. */
    public List<RuleMatch> rules() {
        return rules.stream().map(LoadedRule::match).toList();
    }

    public List<UnsupportedRule> unsupported() {
        return unsupported;
    }

    /** ATT&CK ids and tactic names used by the rules that the catalog does not know (e.g. newer versions'). */
    public Set<String> unknownAttackIds() {
        return unknownAttackIds;
    }

    /** Every rule that matches, in rule order. */
    public List<RuleMatch> matches(FieldSource event) {
        List<LoadedRule> matched = matchedRules(event);
        List<RuleMatch> result = new ArrayList<>(matched.size());
        for (LoadedRule rule : matched) {
            result.add(rule.match());
        }
        return result;
    }

    /** The event's primary tactic and technique ({@link LabelPolicy}, {@link AttackTagMapping}), and every match. */
    public Classification classify(FieldSource event) {
        return LabelPolicy.classify(matchedRules(event));
    }

    private List<LoadedRule> matchedRules(FieldSource event) {
        PrefilterIndex.Group group = index.group(event.get("event_type"));
        LoadedRule[] candidates = group.rules();
        if (candidates.length == 0) {
            return List.of();
        }
        EventView view = views.get();
        view.reset(event);
        long[] bits = group.candidates(view);
        List<LoadedRule> matched = new ArrayList<>(2);
        for (int word = 0; word < bits.length; word++) {
            long w = bits[word];
            while (w != 0) {
                int i = word * 64 + Long.numberOfTrailingZeros(w);
                w &= w - 1;
                if (i < candidates.length && candidates[i].compiled().condition().matches(view)) {
                    matched.add(candidates[i]);
                }
            }
        }
        return matched;
    }

    /** Collects rules from files, folders and text; a rule that cannot be supported is reported, not fatal. */
    public static final class Builder {

        private final AttackCatalog catalog;
        private final RuleLoader loader = new RuleLoader();
        private final Map<String, String> fieldMapping = new HashMap<>();
        private final Map<String, String> categories = new HashMap<>(Map.of("process_start", "process_creation",
                "network_connection", "network_connection", "file_create", "file_event", "user_login", "user_login"));
        private boolean prefilter = true;
        /** The rules of the last build, while nothing that changes them has been added since. */
        private RuleLoader.Loaded loaded;

        private Builder(AttackCatalog catalog) {
            this.catalog = catalog == null ? AttackCatalog.bundled() : catalog;
        }

        /** Sigma field → event field, overriding the default CamelCase → snake_case. */
        public Builder fieldMapping(Map<String, String> mapping) {
            fieldMapping.putAll(mapping);
            loaded = null;
            return this;
        }

        /** event_type → Sigma logsource category (added to, and overriding, the defaults). */
        public Builder logsourceMapping(Map<String, String> eventTypeToCategory) {
            categories.putAll(eventTypeToCategory);
            return this;
        }

        public Builder addYaml(String sourceName, String yaml) {
            loader.addYaml(sourceName, yaml);
            loaded = null;
            return this;
        }

        /** A rule file, or every *.yml / *.yaml below a folder, in path order. */
        public Builder addPath(Path path) {
            loader.addPath(path);
            loaded = null;
            return this;
        }

        /** The seed notebook's rules, below every other rule. */
        public Builder withSeedRules() {
            loader.addSeedRules();
            loaded = null;
            return this;
        }

        /**
         * Whether rules are skipped when none of their literals occurs in the event (the default): off,
         * every rule of the event's category is evaluated, with the same results, many times slower.
         */
        public Builder prefilter(boolean enabled) {
            this.prefilter = enabled;
            return this;
        }

        /** The rule set of everything added so far; the builder may go on and build again. */
        public SigmaRuleSet build() {
            if (loaded == null) {
                loaded = loader.load(fieldMapping, catalog);
            }
            return new SigmaRuleSet(loaded, new PrefilterIndex(loaded.rules(), categories, prefilter));
        }
    }
}
