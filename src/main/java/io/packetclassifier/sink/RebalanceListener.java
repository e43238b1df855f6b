package io.packetclassifier.sink;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/** Tells the sink when partitions move to this instance (runs in poll, before their records are delivered). */
@ApplicationScoped
@Identifier(RebalanceListener.NAME)
public class RebalanceListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "raw-events-rebalance";

    private final CsvSink sink;

    RebalanceListener(CsvSink sink) {
        this.sink = sink;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            sink.partitionsAssigned();
        }
    }
}
