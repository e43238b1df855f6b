package io.packetclassifier.bench;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Properties;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Run (b): what a user could write instead of the service, in one page. A kafka-clients poll loop, Jackson
 * tree parsing, the seed notebook's rules, commons-csv; the rows of each poll are flushed and only then its
 * offsets committed, so it is at-least-once like the service. The commit is {@code commitAsync} (the commit
 * still follows the flush; the loop just does not wait for the broker's answer), or {@code commitSync}
 * with a 6th argument {@code sync}. With a 7th argument, a topic, each event's labels are also published there as
 * JSON (ObjectMapper), the producer flushed before the commit: the like-for-like of the service's
 * classified-events. No tracing.
 * Args: bootstrap topic group csvPath expectedRecords [async|sync] [publishTopic]. Exits when stdin closes after the last row.
 */
public final class HandWrittenConsumer {

    /** kafka-clients' own default, as a first loop would have it; {@code -Dmax.poll.records=N} changes it. */
    static final int DEFAULT_MAX_POLL_RECORDS = 500;

    private static final List<String> HEADER = List.of("event_id", "timestamp", "user", "host", "source_ip",
            "event_type", "mitre_tactic", "mitre_technique");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        String csv = args[3];
        long expected = Long.parseLong(args[4]);
        boolean commitSync = args.length > 5 && args[5].equals("sync");
        // "pub": also publish each classified event as JSON, like the service's classified-events topic
        String publishTopic = args.length > 6 ? args[6] : null;

        Properties props = RawConsumer.consumerProps(bootstrap, group);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                Integer.getInteger("max.poll.records", DEFAULT_MAX_POLL_RECORDS));

        ObjectMapper mapper = new ObjectMapper();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producerProps.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        // -Dcompression.type=lz4 (a variant row's option): what the service does; a first loop would not
        producerProps.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, System.getProperty("compression.type", "none"));
        long count = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
                KafkaProducer<byte[], byte[]> producer = publishTopic == null ? null
                        : new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
                CSVPrinter out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(
                        new FileOutputStream(csv, true), StandardCharsets.UTF_8), 1 << 16), CSVFormat.RFC4180)) {
            out.printRecord(HEADER);
            out.flush();
            consumer.subscribe(List.of(topic));
            while (count < expected) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    count++;
                    JsonNode event;
                    try {
                        event = mapper.readTree(record.value());
                    } catch (Exception e) {
                        continue;
                    }
                    String type = text(event, "event_type");
                    if (text(event, "event_id").isEmpty() || type.isEmpty()) {
                        continue;
                    }
                    String[] label = classify(type, text(event, "command_line"), text(event, "logon_type"));
                    out.printRecord(text(event, "event_id"), text(event, "timestamp"), text(event, "user"),
                            text(event, "host"), text(event, "source_ip"), type, label[0], label[1]);
                    if (producer != null) {
                        Map<String, String> doc = new LinkedHashMap<>();
                        doc.put("event_id", text(event, "event_id"));
                        doc.put("timestamp", text(event, "timestamp"));
                        doc.put("event_type", type);
                        doc.put("host", text(event, "host"));
                        doc.put("user", text(event, "user"));
                        doc.put("mitre_tactic", label[0]);
                        doc.put("mitre_technique", label[1]);
                        producer.send(new ProducerRecord<>(publishTopic,
                                text(event, "event_id").getBytes(StandardCharsets.US_ASCII), mapper.writeValueAsBytes(doc)));
                    }
                }
                out.flush();
                if (producer != null) {
                    producer.flush(); // at-least-once: every record acknowledged before the commit
                }
                if (commitSync) {
                    consumer.commitSync();
                } else {
                    consumer.commitAsync();
                }
            }
            consumer.commitSync();
            System.out.println("DONE " + count);
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode value = event.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    /** The seed notebook's rules. */
    static String[] classify(String type, String commandLine, String logonType) {
        if ("process_start".equals(type)) {
            String cmd = commandLine.toLowerCase(Locale.ROOT);
            if (cmd.contains("encodedcommand")) {
                return new String[] { "TA0002", "T1059.001" };
            }
            if (cmd.contains("cmd.exe")) {
                return new String[] { "TA0002", "T1059.003" };
            }
            return new String[] { "TA0002", "T1059" };
        }
        if ("user_login".equals(type)) {
            return "failure".equals(logonType) ? new String[] { "TA0006", "T1110" } : new String[] { "TA0001", "T1078" };
        }
        return new String[] { "TA0000", "T0000" };
    }
}
