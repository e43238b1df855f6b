package io.packetclassifier.sink;

/**
 * The event ids of the rows written most recently (those of the file's end at start-up, then every row
 * written, and a peer's file end after a rebalance): at least the last {@code generation} ids, at most
 * twice as many. Records Kafka delivers again (after a crash or a rebalance) are checked against it.
 */
final class RecentEventIds {

    private final int generation;
    // Two sets sized for a generation, swapped and emptied rather than made anew: a set grown from small
    // rehashed every id several times, and its last arrays were humongous objects for G1 in a small heap.
    private EventIdSet current;
    private EventIdSet previous;
    private EventIdSet fromFiles = EventIdSet.EMPTY;

    RecentEventIds(int generation) {
        this.generation = generation;
        this.current = new EventIdSet(generation);
        this.previous = new EventIdSet(generation);
    }

    private void add(long hi, long lo) {
        current.add(hi, lo);
        if (current.size() >= generation) {
            EventIdSet oldest = previous;
            previous = current;
            oldest.clear();
            current = oldest;
        }
    }

    /** Whether the id whose 128 bits are {@code hi}, {@code lo} (see {@code Uuid.parse}) is known; if not, it is added. */
    boolean containsElseAdd(long hi, long lo) {
        if (current.contains(hi, lo) || previous.contains(hi, lo) || fromFiles.contains(hi, lo)) {
            return true;
        }
        add(hi, lo);
        return false;
    }

    /** The ids at the end of this instance's file and its peers' files, replacing those read before. */
    void setFromFiles(EventIdSet ids) {
        fromFiles = ids;
    }
}
