package io.packetclassifier.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.sigma.AdversarialCommandLines;
import io.packetclassifier.sigma.AdversarialCommandLines.CommandLine;

/**
 * The streams of the rows {@code e1-adv} and {@code e1-long}: the seed-shaped events of the other rows, with
 * one event in {@code bench.long.every} (default 1,000) replaced by a process start whose command line has
 * the Windows maximum of 32,767 characters: shaped against the SigmaHQ rules' patterns
 * ({@link AdversarialCommandLines#shaped}, {@link AdversarialCommandLines#perPattern}, in turn) on
 * {@value #ADVERSARIAL_TOPIC}, ordinary ones of the same length on {@value #LONG_TOPIC}. Side by side with
 * {@code e1}, they show what long command lines cost and that shaping them against the rules costs little more.
 */
final class LongCommandLineMix {

    static final String ADVERSARIAL_TOPIC = "bench-adv-p1";
    static final String LONG_TOPIC = "bench-long-p1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LongCommandLineMix() {
    }

    static int every() {
        return Integer.getInteger("bench.long.every", 1000);
    }

    /** The topic of a run id's mode ({@code -adv}, {@code -long}), or null for the ordinary topics. */
    static String topic(String mode) {
        return mode.equals("-adv") ? ADVERSARIAL_TOPIC : mode.equals("-long") ? LONG_TOPIC : null;
    }

    static String label(String mode) {
        return topic(mode) == null ? "" : String.format(Locale.ROOT, ", 1 event in %,d with a 32,767-character %s command line",
                every(), mode.equals("-adv") ? "**adversarial**" : "ordinary");
    }

    static boolean wanted(List<String> runs) {
        return runs.stream().anyMatch(id -> id.endsWith("-adv") || id.endsWith("-long"));
    }

    /** Produces both streams of {@code n} events; returns a sentence for the report's input line. */
    static String produce(KafkaProducer<byte[], byte[]> producer, long n) {
        List<CommandLine> shaped = new ArrayList<>(AdversarialCommandLines.shaped());
        shaped.addAll(AdversarialCommandLines.perPattern());
        List<CommandLine> ordinary = AdversarialCommandLines.ordinary();
        SplittableRandom random = new SplittableRandom(42);
        int every = every();
        long replaced = 0;
        for (long i = 0; i < n; i++) {
            if (i % every == every - 1) {
                producer.send(new ProducerRecord<>(ADVERSARIAL_TOPIC, event(shaped.get((int) (replaced % shaped.size())))));
                producer.send(new ProducerRecord<>(LONG_TOPIC, event(ordinary.get((int) (replaced % ordinary.size())))));
                replaced++;
            } else {
                byte[] event = SampleEvents.next(random);
                producer.send(new ProducerRecord<>(ADVERSARIAL_TOPIC, event));
                producer.send(new ProducerRecord<>(LONG_TOPIC, event));
            }
        }
        producer.flush();
        return String.format(Locale.ROOT, "; %s and %s: the same with %,d events of 32,767-character command lines "
                + "(%d shaped ones in turn, and %d ordinary ones)", ADVERSARIAL_TOPIC, LONG_TOPIC, replaced, shaped.size(),
                ordinary.size());
    }

    private static byte[] event(CommandLine line) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("timestamp", java.time.Instant.now().toString());
        event.put("user", "alice");
        event.put("host", "ws-001");
        event.put("source_ip", "10.0.0.5");
        event.putAll(AdversarialCommandLines.event(line));
        try {
            return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
