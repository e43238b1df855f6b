package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.event.EventParser;
import io.packetclassifier.generator.SampleEvents;

/**
 * The prefilter only skips rules that cannot match: with all SigmaHQ rules, {@code matches} equals
 * the same rules built with the prefilter off on the regression events and on 5,000 events built to come close to the
 * rules (regression events mutated with values of other events, case changes and the rules' own literals).
 */
class SigmaPrefilterEquivalenceTest {

    static SigmaRuleSet rules;
    static List<Map<String, String>> regression = new ArrayList<>();
    static List<String> literals = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        rules = SigmaTesting.sigmaHq();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(SigmaTesting.SHARED.resolve("regression/process_creation.jsonl"))) {
            Map<String, String> event = new LinkedHashMap<>();
            json.readTree(line).get("event").fields().forEachRemaining(f -> event.put(f.getKey(), f.getValue().asText()));
            regression.add(event);
        }
        Set<String> found = new LinkedHashSet<>();
        for (Map<?, ?> detection : SigmaTesting.sigmaHqDetections()) {
            detection.forEach((name, search) -> {
                if (!"condition".equals(name)) {
                    collect(search, found);
                }
            });
        }
        literals.addAll(found);
    }

    /** Every string value of a search, without its wildcards and escapes. */
    private static void collect(Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (value != null) {
            String text = String.valueOf(value).replace("\\*", "*").replace("\\?", "?").replace("\\\\", "\\");
            for (String piece : text.split("[*?]")) {
                if (!piece.isEmpty()) {
                    into.add(piece);
                }
            }
        }
    }

    @Test
    void prefilterNeverChangesTheResult() throws Exception {
        assertThat(rules.size()).isEqualTo(1183 + 5);
        assertThat(regression).hasSize(40);
        assertThat(literals).hasSizeGreaterThan(3000);
        SplittableRandom random = new SplittableRandom(42);
        EventParser parser = new EventParser();
        List<FieldSource> events = new ArrayList<>();
        regression.forEach(e -> events.add(e::get));
        for (int i = 0; i < 5000; i++) {
            Map<String, String> event;
            if (random.nextInt(4) == 0) {
                event = new HashMap<>(parser.parse(SampleEvents.next(random)).fields());
            } else {
                event = new HashMap<>(regression.get(random.nextInt(regression.size())));
            }
            for (int m = random.nextInt(5); m >= 0; m--) {
                mutate(event, random);
            }
            events.add(event::get);
        }
        int matching = 0;
        int nonSeedMatches = 0;
        for (FieldSource event : events) {
            List<RuleMatch> expected = SigmaTesting.withoutPrefilter(rules, event);
            assertThat(rules.matches(event)).as("event %s", describe(event)).isEqualTo(expected);
            matching += expected.isEmpty() ? 0 : 1;
            nonSeedMatches += (int) expected.stream().filter(r -> !r.source().equals("seed-rules.yml")).count();
        }
        // the events must reach the rules for the comparison to mean anything
        assertThat(matching).isGreaterThan(3000);
        assertThat(nonSeedMatches).isGreaterThan(3000);
    }

    private static final String[] FIELDS = { "command_line", "image", "parent_image", "original_file_name",
            "parent_command_line", "current_directory", "user", "integrity_level", "description", "product", "company",
            "hashes" };
    private static final String[] DASHES = { "-", "/", "\u2013", "\u2014", "\u2015" };

    private static void mutate(Map<String, String> event, SplittableRandom random) {
        String field = FIELDS[random.nextInt(FIELDS.length)];
        String value = event.getOrDefault(field, "");
        switch (random.nextInt(8)) {
            case 0 -> { // the same field's value from another event
                String other = regression.get(random.nextInt(regression.size())).get(field);
                event.put(field, other == null ? value : other);
            }
            case 1 -> { // another field's value from another event
                Map<String, String> other = regression.get(random.nextInt(regression.size()));
                event.put(field, other.getOrDefault(FIELDS[random.nextInt(FIELDS.length)], ""));
            }
            case 2 -> event.put(field, random.nextBoolean() ? value.toUpperCase(Locale.ROOT) : randomCase(value, random));
            case 3, 4 -> { // part of a rule literal inserted anywhere
                String literal = literals.get(random.nextInt(literals.size()));
                int from = random.nextInt(literal.length());
                int to = random.nextInt(4) == 0 ? from + 1 + random.nextInt(literal.length() - from) : literal.length();
                from = random.nextInt(3) == 0 ? from : 0;
                int at = random.nextInt(value.length() + 1);
                event.put(field, value.substring(0, at) + maybeCase(literal.substring(from, to), random) + value.substring(at));
            }
            case 5 -> event.put(field, maybeCase(literals.get(random.nextInt(literals.size())), random)); // whole value
            case 6 -> event.put(field, value.replace("-", DASHES[random.nextInt(DASHES.length)])
                    .replace(" /", " " + DASHES[random.nextInt(DASHES.length)]));
            default -> event.remove(field);
        }
    }

    private static String maybeCase(String text, SplittableRandom random) {
        return random.nextInt(3) == 0 ? randomCase(text, random) : text;
    }

    private static String randomCase(String text, SplittableRandom random) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return out.toString();
    }

    private static String describe(FieldSource event) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (event.get(field) != null) {
                shown.put(field, event.get(field));
            }
        }
        return shown.toString();
    }
}
