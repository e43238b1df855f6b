package io.packetclassifier.sigma;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.attack.Technique;

/**
 * A set of Sigma rules, compiled for speed: parse ({@link Builder}) → rule set → evaluate
 * ({@link #matches}, {@link #classify}). Rules are indexed by logsource category, and a rule is evaluated
 * only if its literal text occurs in the event (one Aho–Corasick pass per field) or it has no such literal.
 * Immutable and thread-safe.
 */
public final class SigmaRuleSet {

    /** The seed notebook's rules, as Sigma rules: the default, and the fallback under any other rules. */
    public static final String SEED_RULES = "/rules/seed-rules.yml";

    private final List<Rule> rules;
    private final Map<String, String> categories;
    private final Map<String, Group> groups;
    private final Group uncategorised;
    private final String[] fieldNames;
    private final List<UnsupportedRule> unsupported;
    private final Set<String> unknownAttackIds;
    private final ThreadLocal<EventView> views;

    private record Rule(int index, RuleCompiler.CompiledRule compiled, boolean fallback, RuleMatch match,
            String primaryTactic, String primaryTechnique) {
    }

    /** The rules of one logsource category (with the category-less ones), and their prefilter. */
    private record Group(Rule[] rules, long[] alwaysCandidates, int[] filteredFields, AhoCorasick[] automata) {
    }

    private SigmaRuleSet(List<Rule> rules, Map<String, String> categories, String[] fieldNames,
            List<UnsupportedRule> unsupported, Set<String> unknownAttackIds) {
        this.rules = rules;
        this.categories = categories;
        this.fieldNames = fieldNames;
        this.unsupported = List.copyOf(unsupported);
        this.unknownAttackIds = Collections.unmodifiableSet(unknownAttackIds);
        Map<String, List<Rule>> byCategory = new LinkedHashMap<>();
        List<Rule> everywhere = new ArrayList<>();
        for (Rule rule : rules) {
            String category = rule.compiled().category();
            if (category == null) {
                everywhere.add(rule);
            } else {
                byCategory.computeIfAbsent(category, c -> new ArrayList<>()).add(rule);
            }
        }
        this.groups = new HashMap<>();
        byCategory.forEach((category, list) -> {
            List<Rule> merged = new ArrayList<>(list);
            merged.addAll(everywhere);
            merged.sort((a, b) -> Integer.compare(a.index(), b.index()));
            groups.put(category, group(merged));
        });
        this.uncategorised = group(everywhere);
        this.views = ThreadLocal.withInitial(() -> new EventView(fieldNames));
    }

    public static Builder builder(AttackCatalog catalog) {
        return new Builder(catalog);
    }

    /** Only the seed notebook's rules: exactly its labels. */
    public static SigmaRuleSet seedOnly(AttackCatalog catalog) {
        return builder(catalog).withSeedRules().build();
    }

    public int size() {
        return rules.size();
    }

    /** Every loaded rule as a match reports it (id, title, level, source, ATT&CK tactics and techniques), in rule order. */
    public List<RuleMatch> rules() {
        return rules.stream().map(Rule::match).toList();
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
        List<Rule> matched = matchedRules(event, true);
        List<RuleMatch> result = new ArrayList<>(matched.size());
        for (Rule rule : matched) {
            result.add(rule.match());
        }
        return result;
    }

    /**
     * The event's primary tactic and technique, and every match. The primary label is, deterministically:
     * among matching rules other than the seed rules that name a technique, the one of highest level
     * (critical, high, medium, low, informational), the earlier one on a tie (rule files are loaded in path
     * order); else the first matching seed rule; else TA0000 / T0000. The technique is the rule's first
     * technique tag; the tactic is its first tactic tag that the technique belongs to in the catalog, else
     * its first known tactic tag, else the technique's first tactic in the catalog.
     */
    public Classification classify(FieldSource event) {
        List<Rule> matched = matchedRules(event, true);
        Rule primary = null;
        Rule fallback = null;
        List<RuleMatch> matches = new ArrayList<>(matched.size());
        for (Rule rule : matched) {
            matches.add(rule.match());
            if (rule.fallback()) {
                if (fallback == null) {
                    fallback = rule;
                }
            } else if (rule.primaryTechnique() != null
                    && (primary == null || rule.compiled().level() > primary.compiled().level())) {
                primary = rule;
            }
        }
        Rule chosen = primary != null ? primary : fallback;
        if (chosen == null || chosen.primaryTechnique() == null) {
            return new Classification(Classification.NO_TACTIC, Classification.NO_TECHNIQUE, matches);
        }
        return new Classification(chosen.primaryTactic(), chosen.primaryTechnique(), matches);
    }

    /** For tests and benchmarks: the same evaluation without the prefilter (every rule of the category). */
    List<RuleMatch> matchesWithoutPrefilter(FieldSource event) {
        List<RuleMatch> result = new ArrayList<>();
        for (Rule rule : matchedRules(event, false)) {
            result.add(rule.match());
        }
        return result;
    }

    private List<Rule> matchedRules(FieldSource event, boolean prefilter) {
        String eventType = event.get("event_type");
        String category = eventType == null ? null : categories.get(eventType); // Map.copyOf: get(null) throws
        Group group = category == null ? uncategorised : groups.getOrDefault(category, uncategorised);
        Rule[] candidates = group.rules();
        if (candidates.length == 0) {
            return List.of();
        }
        EventView view = views.get();
        view.reset(event);
        long[] bits = group.alwaysCandidates().clone();
        if (prefilter) {
            for (int f = 0; f < group.filteredFields().length; f++) {
                String value = view.lower(group.filteredFields()[f]);
                if (value != null) {
                    group.automata()[f].scan(value, bits);
                }
            }
        } else {
            java.util.Arrays.fill(bits, -1L);
        }
        List<Rule> matched = new ArrayList<>(2);
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

    private static Group group(List<Rule> rules) {
        Rule[] array = rules.toArray(Rule[]::new);
        long[] always = new long[(array.length + 63) / 64];
        Map<Integer, Map<String, Set<Integer>>> needlesByField = new TreeMap<>();
        for (int i = 0; i < array.length; i++) {
            Set<Node.Needle> needles = array[i].compiled().condition().needles();
            if (needles == null) {
                always[i >>> 6] |= 1L << i;
                continue;
            }
            for (Node.Needle needle : needles) {
                needlesByField.computeIfAbsent(needle.field(), f -> new HashMap<>())
                        .computeIfAbsent(needle.literal(), l -> new LinkedHashSet<>()).add(i);
            }
        }
        int[] fields = new int[needlesByField.size()];
        AhoCorasick[] automata = new AhoCorasick[needlesByField.size()];
        int k = 0;
        for (Map.Entry<Integer, Map<String, Set<Integer>>> entry : needlesByField.entrySet()) {
            Map<String, int[]> needles = new HashMap<>();
            entry.getValue().forEach((literal, ruleIndexes) ->
                    needles.put(literal, ruleIndexes.stream().mapToInt(Integer::intValue).toArray()));
            fields[k] = entry.getKey();
            automata[k++] = new AhoCorasick(needles);
        }
        return new Group(array, always, fields, automata);
    }

    /** Collects rules from files, folders and text; a rule that cannot be supported is reported, not fatal. */
    public static final class Builder {

        private final AttackCatalog catalog;
        private final Map<String, String> fieldMapping = new HashMap<>();
        private final Map<String, String> categories = new HashMap<>(Map.of("process_start", "process_creation",
                "network_connection", "network_connection", "file_create", "file_event", "user_login", "user_login"));
        private final List<Object[]> sources = new ArrayList<>(); // {name, text, fallback}
        private final List<UnsupportedRule> unsupported = new ArrayList<>();

        private Builder(AttackCatalog catalog) {
            this.catalog = catalog == null ? AttackCatalog.bundled() : catalog;
        }

        /** Sigma field → event field, overriding the default CamelCase → snake_case. */
        public Builder fieldMapping(Map<String, String> mapping) {
            fieldMapping.putAll(mapping);
            return this;
        }

        /** event_type → Sigma logsource category (added to, and overriding, the defaults). */
        public Builder logsourceMapping(Map<String, String> eventTypeToCategory) {
            categories.putAll(eventTypeToCategory);
            return this;
        }

        public Builder addYaml(String sourceName, String yaml) {
            sources.add(new Object[] { sourceName, yaml, false });
            return this;
        }

        /** A rule file, or every *.yml / *.yaml below a folder, in path order. */
        public Builder addPath(Path path) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                            .sorted().forEach(this::addFile);
                } catch (IOException e) {
                    unsupported.add(new UnsupportedRule(path.toString(), null, "cannot list: " + e.getMessage()));
                }
            } else {
                addFile(path);
            }
            return this;
        }

        /** The seed notebook's rules, below every other rule. */
        public Builder withSeedRules() {
            try (InputStream in = SigmaRuleSet.class.getResourceAsStream(SEED_RULES)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + SEED_RULES);
                }
                sources.add(new Object[] { "seed-rules.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8), true });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        private void addFile(Path file) {
            try {
                sources.add(new Object[] { file.toString(), Files.readString(file, StandardCharsets.UTF_8), false });
            } catch (IOException e) {
                unsupported.add(new UnsupportedRule(file.toString(), null, "cannot read: " + e.getMessage()));
            }
        }

        public SigmaRuleSet build() {
            Map<String, Integer> fieldIds = new LinkedHashMap<>();
            RuleCompiler compiler = new RuleCompiler(this::eventField, name -> fieldIds.computeIfAbsent(name, n -> fieldIds.size()));
            List<Rule> rules = new ArrayList<>();
            List<UnsupportedRule> problems = new ArrayList<>(unsupported);
            Set<String> unknown = new LinkedHashSet<>();
            List<Object[]> ordered = new ArrayList<>(sources.stream().filter(s -> !(Boolean) s[2]).toList());
            ordered.addAll(sources.stream().filter(s -> (Boolean) s[2]).toList());
            for (Object[] source : ordered) {
                String name = (String) source[0];
                Iterable<Object> documents;
                List<Object> parsed = new ArrayList<>();
                try {
                    documents = new Yaml(new SafeConstructor(new LoaderOptions())).loadAll((String) source[1]);
                    documents.forEach(parsed::add);
                } catch (RuntimeException e) {
                    problems.add(new UnsupportedRule(name, null, "not valid YAML: " + firstLine(e.getMessage())));
                    continue;
                }
                for (Object document : parsed) {
                    if (!(document instanceof Map<?, ?> map)) {
                        continue;
                    }
                    if ("collection".equals(String.valueOf(map.get("action"))) && !map.containsKey("detection")) {
                        continue; // a collection's global header: nothing to evaluate by itself
                    }
                    try {
                        RuleCompiler.CompiledRule compiled = compiler.compile(map);
                        rules.add(rule(rules.size(), compiled, (Boolean) source[2], name, unknown));
                    } catch (RuleCompiler.UnsupportedException e) {
                        problems.add(new UnsupportedRule(name, String.valueOf(map.get("id") != null ? map.get("id") : map.get("title")),
                                e.getMessage()));
                    }
                }
            }
            return new SigmaRuleSet(rules, Map.copyOf(categories), fieldIds.keySet().toArray(String[]::new), problems,
                    unknown);
        }

        private Rule rule(int index, RuleCompiler.CompiledRule compiled, boolean fallback, String source, Set<String> unknown) {
            List<String> tactics = new ArrayList<>();
            List<String> knownTactics = new ArrayList<>();
            List<RuleMatch.TechniqueRef> techniques = new ArrayList<>();
            for (String tag : compiled.tags()) {
                if (!tag.startsWith("attack.")) {
                    continue;
                }
                String name = tag.substring("attack.".length());
                if (name.matches("t\\d{4}(\\.\\d{3})?")) {
                    String id = name.toUpperCase(java.util.Locale.ROOT);
                    String techniqueName = catalog.technique(id).map(Technique::name).orElse(null);
                    if (techniqueName == null) {
                        unknown.add(id);
                    }
                    techniques.add(new RuleMatch.TechniqueRef(id, techniqueName));
                } else if (!name.matches("[gs]\\d{4}|ta\\d{4}")) {
                    var tactic = catalog.tacticByShortname(name);
                    if (tactic.isPresent()) {
                        tactics.add(tactic.get().id());
                        knownTactics.add(tactic.get().id());
                    } else if (!name.matches("[a-z]\\d+")) {
                        tactics.add(name);
                        unknown.add(name);
                    }
                }
            }
            String technique = techniques.isEmpty() ? null : techniques.get(0).id();
            String tactic = null;
            if (technique != null) {
                List<String> ofTechnique = catalog.tacticsOf(technique);
                tactic = knownTactics.stream().filter(ofTechnique::contains).findFirst()
                        .orElse(knownTactics.isEmpty() ? (ofTechnique.isEmpty() ? Classification.NO_TACTIC : ofTechnique.get(0))
                                : knownTactics.get(0));
            }
            RuleMatch match = new RuleMatch(compiled.id(), compiled.title(), compiled.levelName(), source,
                    List.copyOf(tactics), List.copyOf(techniques));
            return new Rule(index, compiled, fallback, match, tactic, technique);
        }

        private String eventField(String sigmaField) {
            String mapped = fieldMapping.get(sigmaField);
            return mapped != null ? mapped : snakeCase(sigmaField);
        }

        private static String firstLine(String message) {
            return message == null ? "" : message.lines().findFirst().orElse("");
        }
    }

    /** {@code CommandLine} → {@code command_line}, {@code OriginalFileName} → {@code original_file_name}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1)) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
