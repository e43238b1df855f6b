package io.packetclassifier.output.csv;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/**
 * Tells the CSV output when partitions move to this instance (runs in poll, before their records are delivered):
 * the events another instance wrote but did not commit come here again.
 */
@ApplicationScoped
@Identifier(RebalanceListener.NAME)
public class RebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "raw-events-rebalance";

    private final CsvOutput csv;

    RebalanceListener(CsvOutput csv) {
        this.csv = csv;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            csv.partitionsAssigned();
        }
    }
}
