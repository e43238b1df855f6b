package io.packetclassifier.output.csv;

/**
 * Recognises events whose rows are written already, which Kafka delivers again when their offsets were not
 * committed (after a crash, a rebalance or a failed write): it holds the ids at the end of this instance's file
 * and its peers' files, as last read, and those of the rows written since, at least the last {@code generation}
 * of them and at most twice as many.
 */
final class ReplayFilter {

    private final int generation;
    // Two sets sized for a generation, swapped and emptied rather than made anew: a set grown from small
    // rehashed every id several times, and its last arrays were humongous objects for G1 in a small heap.
    private UuidSet current;
    private UuidSet previous;
    private UuidSet fromFiles = UuidSet.EMPTY;

    ReplayFilter(int generation) {
        this.generation = generation;
        this.current = new UuidSet(generation);
        this.previous = new UuidSet(generation);
    }

    private void add(long hi, long lo) {
        current.add(hi, lo);
        if (current.size() >= generation) {
            UuidSet oldest = previous;
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
    void replaceFileIds(UuidSet ids) {
        fromFiles = ids;
    }
}
