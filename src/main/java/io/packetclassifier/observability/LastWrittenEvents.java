package io.packetclassifier.observability;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.event.SecurityEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The last {@value #CAPACITY} events written, with their labels, for a page that shows what is happening. */
@Singleton
public class LastWrittenEvents {

    public static final int CAPACITY = 50;

    /** One written event as a page shows it. */
    @RegisterForReflection
    public record Entry(String eventId, String timestamp, String user, String host, String sourceIp, String eventType,
            String tactic, String technique, long writtenAt) {
    }

    private final ArrayDeque<Entry> entries = new ArrayDeque<>(CAPACITY);

    /** Keeps the last events of a written batch (at most {@value #CAPACITY} are looked at). */
    void batchWritten(@Observes WrittenBatch written) {
        List<ClassifiedEvent> batch = written.batch().events();
        int from = Math.max(0, batch.size() - CAPACITY);
        long now = System.currentTimeMillis();
        List<Entry> added = new ArrayList<>(batch.size() - from);
        for (int i = from; i < batch.size(); i++) {
            ClassifiedEvent classified = batch.get(i);
            SecurityEvent e = classified.event();
            added.add(new Entry(e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                    classified.tactic(), classified.technique(), now));
        }
        synchronized (entries) {
            for (Entry entry : added) {
                if (entries.size() == CAPACITY) {
                    entries.removeFirst();
                }
                entries.addLast(entry);
            }
        }
    }

    /** Newest first, at most {@code limit}. */
    public List<Entry> newestFirst(int limit) {
        List<Entry> result = new ArrayList<>(Math.min(limit, CAPACITY));
        synchronized (entries) {
            Iterator<Entry> newest = entries.descendingIterator();
            while (newest.hasNext() && result.size() < limit) {
                result.add(newest.next());
            }
        }
        return result;
    }
}
