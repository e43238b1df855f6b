package io.packetclassifier.bench;

import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Run (a), the limit: a kafka-clients consumer that only reads (default client settings, no commit).
 * Args: bootstrap topic group expectedRecords. Prints {@code FIRST} when the first records arrive and
 * {@code DONE <records> <nanos first→last> <bytes>} at the end, then waits for stdin to close so the
 * harness can read its /proc figures.
 */
public final class RawConsumer {

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String topic = args[1];
        String group = args[2];
        long expected = Long.parseLong(args[3]);

        Properties props = consumerProps(bootstrap, group);

        long count = 0;
        long bytes = 0;
        long first = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (count < expected) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                if (records.isEmpty()) {
                    continue;
                }
                if (first == 0) {
                    first = System.nanoTime();
                    System.out.println("FIRST");
                    System.out.flush();
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    count++;
                    bytes += record.value().length;
                }
            }
            long last = System.nanoTime();
            System.out.println("DONE " + count + " " + (last - first) + " " + bytes);
            System.out.flush();
            System.in.transferTo(java.io.OutputStream.nullOutputStream());
        }
    }

    /** A byte-array consumer reading from the start with a fresh group and no auto-commit, as every row does. */
    static Properties consumerProps(String bootstrap, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return props;
    }
}
