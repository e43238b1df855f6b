package io.packetclassifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.SigmaRuleSet;

/**
 * Property: for any bytes, parsing then classifying either yields a well-formed event with labels, or an
 * {@link InvalidEventException} with a reason (the dead-letter path). Nothing else may escape. Inputs are
 * random and mutated valid events; the seed is printed so a failure can be replayed.
 */
class EventFuzzTest {

    static final int TRIES = 20_000;

    @Test
    void nothingEscapesTheDeadLetterPath() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        SplittableRandom random = new SplittableRandom(seed);
        EventParser parser = new EventParser(64 * 1024);
        SigmaRuleSet rules = SigmaRuleSet.builder(AttackCatalog.bundled()).withSeedRules().build();
        List<byte[]> corpus = corpus();
        Map<RejectReason, Integer> reasons = new EnumMap<>(RejectReason.class);
        int valid = 0;
        for (int i = 0; i < TRIES; i++) {
            byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
            try {
                SecurityEvent event = parser.parse(input);
                // a UUID, not all zero, whose bits the event carries
                assertThat(event.idHi() | event.idLo()).isNotZero();
                assertThat(Uuid.bits(event.eventId())).containsExactly(event.idHi(), event.idLo());
                assertThat(event.eventType()).isNotBlank();
                assertThat(List.of(event.timestamp(), event.user(), event.host(), event.sourceIp())).doesNotContainNull();
                Classification labels = rules.classify(event);
                assertThat(labels.tactic()).matches("TA\\d{4}");
                assertThat(labels.technique()).matches("T\\d{4}(\\.\\d{3})?");
                valid++;
            } catch (InvalidEventException e) {
                assertThat(e.reason()).isNotNull();
                assertThat(e.getMessage()).isNotBlank();
                reasons.merge(e.reason(), 1, Integer::sum);
            } catch (Throwable t) {
                fail("seed " + seed + ", try " + i + ", input (base64) " + Base64.getEncoder().encodeToString(input), t);
            }
        }
        System.out.printf("fuzz seed %d: %d valid, rejected %s%n", seed, valid, reasons);
        assertThat(valid).as("the mutations keep some events valid").isPositive();
        assertThat(reasons.keySet()).as("and reach many kinds of bad input").hasSizeGreaterThanOrEqualTo(7);
    }

    static List<byte[]> corpus() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 50; i++) {
            corpus.add(SampleEvents.next(random::nextInt));
        }
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(Path.of("../shared/sigma/regression/process_creation.jsonl"))) {
            corpus.add(json.writeValueAsBytes(json.readTree(line).get("event")));
        }
        return corpus;
    }

    static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            b = switch (random.nextInt(12)) {
                case 0 -> flip(b, random);
                case 1 -> insert(b, random, (byte) random.nextInt(256));
                case 2 -> delete(b, random);
                case 3 -> java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 4 -> replace(b, "\"user\":\"", "\"user\":" + pick(random, "1", "[1]", "{}", "true", "null", "\"\"") + ",\"x\":\"");
                case 5 -> replace(b, "{", "{\"event_type\":\"dup\",");
                case 6 -> randomBytes(random);
                case 7 -> ("[".repeat(random.nextInt(5000)) + new String(b, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
                case 8 -> replace(b, "\"event_id\":\"", "\"event_id\":\"" + pick(random, "z", "-", "0", "\\u0000"));
                case 9 -> insert(b, random, (byte) "\"\\{},:[]".charAt(random.nextInt(8)));
                case 10 -> replace(b, "}", ",\"deep\":" + "{\"a\":".repeat(random.nextInt(60)) + "1" + "}".repeat(random.nextInt(60)) + "}");
                default -> replace(b, "process_start", pick(random, "user_login", "PROCESS_START", "", "file_create"));
            };
        }
        return b;
    }

    static byte[] flip(byte[] b, SplittableRandom random) {
        if (b.length > 0) {
            b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return b;
    }

    static byte[] insert(byte[] b, SplittableRandom random, byte value) {
        int at = random.nextInt(b.length + 1);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, at);
        out[at] = value;
        System.arraycopy(b, at, out, at + 1, b.length - at);
        return out;
    }

    static byte[] delete(byte[] b, SplittableRandom random) {
        if (b.length == 0) {
            return b;
        }
        int from = random.nextInt(b.length);
        int to = Math.min(b.length, from + 1 + random.nextInt(8));
        byte[] out = new byte[b.length - (to - from)];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(b, to, out, from, b.length - to);
        return out;
    }

    static byte[] replace(byte[] b, String target, String replacement) {
        String text = new String(b, StandardCharsets.ISO_8859_1);
        return text.replaceFirst(java.util.regex.Pattern.quote(target), java.util.regex.Matcher.quoteReplacement(replacement))
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] randomBytes(SplittableRandom random) {
        byte[] b = new byte[random.nextInt(300)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return b;
    }

    @SafeVarargs
    static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
