package io.packetclassifier.sink;

/**
 * The event ids of the rows written most recently (those of the file's end at start-up, then every row
 * written, and a peer's file end after a rebalance): at least the last {@code generation} ids, at most
 * twice as many. Records Kafka delivers again (after a crash or a rebalance) are checked against it.
 */
final class RecentEventIds {

    private final int generation;
    private EventIdSet current = new EventIdSet();
    private EventIdSet previous = EventIdSet.EMPTY;
    private EventIdSet fromFiles = EventIdSet.EMPTY;

    RecentEventIds(int generation) {
        this.generation = generation;
    }

    void add(String eventId) {
        current.add(eventId);
        if (current.size() >= generation) {
            previous = current;
            current = new EventIdSet();
        }
    }

    boolean contains(String eventId) {
        return current.contains(eventId) || previous.contains(eventId) || fromFiles.contains(eventId);
    }

    /** The ids at the end of this instance's file and its peers' files, replacing those read before. */
    void setFromFiles(EventIdSet ids) {
        fromFiles = ids;
    }
}
