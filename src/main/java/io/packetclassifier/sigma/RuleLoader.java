package io.packetclassifier.sigma;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.packetclassifier.attack.AttackCatalog;

/**
 * Reads rule files, folders and texts, and compiles every rule in them: the seed rules last, the others
 * in the order they were added (a folder's files in path order). A file or rule that cannot be read or
 * supported is reported, never fatal.
 */
final class RuleLoader {

    /** What a load gives: the rules in rule order, the event fields they read, and what could not be loaded. */
    record Loaded(List<LoadedRule> rules, String[] fieldNames, List<UnsupportedRule> unsupported,
            Set<String> unknownAttackIds) {
    }

    private final List<RuleSource> sources = new ArrayList<>();
    private final List<UnsupportedRule> unreadable = new ArrayList<>();

    void addYaml(String name, String yaml) {
        sources.add(new RuleSource(name, yaml, false));
    }

    /** A rule file, or every *.yml / *.yaml below a folder, in path order. */
    void addPath(Path path) {
        if (!Files.isDirectory(path)) {
            addFile(path);
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            files.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .sorted().forEach(this::addFile);
        } catch (IOException e) {
            unreadable.add(new UnsupportedRule(path.toString(), null, "cannot list: " + e.getMessage()));
        }
    }

    private void addFile(Path file) {
        try {
            sources.add(new RuleSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8), false));
        } catch (IOException e) {
            unreadable.add(new UnsupportedRule(file.toString(), null, "cannot read: " + e.getMessage()));
        }
    }

    /** The bundled seed rules, a resource of the product. */
    void addSeedRules() {
        try (InputStream in = RuleLoader.class.getResourceAsStream(SigmaRuleSet.SEED_RULES)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + SigmaRuleSet.SEED_RULES);
            }
            sources.add(new RuleSource("seed-rules.yml", new String(in.readAllBytes(), StandardCharsets.UTF_8), true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Loaded load(Map<String, String> fieldMapping, AttackCatalog catalog) {
        EventFieldIds fields = new EventFieldIds(fieldMapping);
        RuleCompiler compiler = new RuleCompiler(fields::idOf);
        AttackTagMapping tags = new AttackTagMapping(catalog);
        List<LoadedRule> rules = new ArrayList<>();
        List<UnsupportedRule> problems = new ArrayList<>(unreadable);
        // a stable sort: the seed rules move to the end, everything else keeps its order
        for (RuleSource source : sources.stream().sorted(Comparator.comparing(RuleSource::seed)).toList()) {
            List<Object> documents = new ArrayList<>();
            try {
                new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(source.yaml()).forEach(documents::add);
            } catch (RuntimeException e) {
                problems.add(new UnsupportedRule(source.name(), null, "not valid YAML: " + firstLine(e.getMessage())));
                continue;
            }
            for (Object document : documents) {
                if (!(document instanceof Map<?, ?> map)
                        || "collection".equals(String.valueOf(map.get("action"))) && !map.containsKey("detection")) {
                    continue; // not a rule, or a collection's global header: nothing to evaluate by itself
                }
                try {
                    rules.add(tags.label(rules.size(), compiler.compile(map), source.seed(), source.name()));
                } catch (UnsupportedRuleException e) {
                    Object rule = map.get("id") != null ? map.get("id") : map.get("title");
                    problems.add(new UnsupportedRule(source.name(), String.valueOf(rule), e.getMessage()));
                }
            }
        }
        return new Loaded(rules, fields.names(), problems, tags.unknownIds());
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
