package io.packetclassifier.output.csv;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.event.SecurityEvent;

/**
 * The CSV output, which owns the file: opens it (cutting a torn last row left by a crash), appends the rows of
 * each batch and flushes them, skips the rows of events it finds written already (Kafka delivers again what was
 * not committed), reads its peers' files' ends after a rebalance, and starts the file again when it is deleted or
 * moved away. A failed write closes the file; the next {@link #open()} opens it afresh.
 */
@ApplicationScoped
public class CsvOutput {

    private static final Logger LOG = Logger.getLogger(CsvOutput.class);
    /**
     * Rows written since the file's tail was last read. Every replay (restart, rebalance, write retry) reads the
     * tails again, so this only has to cover the batches in flight around a rebalance: the connector's queue (two
     * polls) and the batches between it and the file (one polled and one classified ahead, one being classified,
     * one being written), six polls of max.poll.records; 32,768 leaves room for more than twice that at 2,000
     * per poll, in two sets of 1 MiB, and still covers 5,000 per poll.
     */
    private static final int RECENT_IDS = 32_768;

    private final CsvConfig config;
    private final CsvRowFormat format;
    private ClassifiedCsvFile file;
    private ReplayFilter replays; // made by open(), from the file's tail, before the first append
    private volatile boolean partitionsAssigned;
    private volatile String lastFailure;
    private boolean closed;

    CsvOutput(CsvConfig config, CsvRowFormat format) {
        this.config = config;
        this.format = format;
    }

    /** Opens the file unless it is open and still at its path; reads the peers' tails again after a rebalance. */
    public synchronized void open() throws IOException {
        try {
            if (closed) {
                throw new IOException("the service is stopping");
            }
            if (file != null && partitionsAssigned) {
                partitionsAssigned = false;
                UuidSet ids = new UuidSet();
                CsvRecovery.readPeerTail(config.path(), config.replayWindowBytes(), ids);
                readPeerTails(ids);
                replays.replaceFileIds(ids);
            }
            if (file != null && file.stillAtPath()) {
                return;
            }
            if (file != null) {
                LOG.warnf("%s was deleted or moved away while being written: starting it again", config.path());
                closeFile();
            }
            openAfresh();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void openAfresh() throws IOException {
        partitionsAssigned = false;
        UuidSet ids = new UuidSet();
        readPeerTails(ids);
        CsvRecovery.Result recovered = CsvRecovery.recover(config.path(), config.replayWindowBytes(), ids);
        if (recovered.removedBytes() > 0) {
            LOG.warnf("Removed a torn last row (%d bytes) from %s: its event is read again from Kafka",
                    recovered.removedBytes(), config.path());
        }
        replays = new ReplayFilter(RECENT_IDS);
        replays.replaceFileIds(recovered.tailEventIds());
        file = ClassifiedCsvFile.open(config.path(), format.columns());
    }

    private void readPeerTails(UuidSet ids) throws IOException {
        for (Path peer : config.peerPaths().orElse(List.of())) {
            CsvRecovery.readPeerTail(peer, config.replayWindowBytes(), ids);
        }
    }

    /**
     * Appends the rows of the events not written yet and flushes them; fails when the file is no longer at its
     * path, as the rows would then be in a file nobody sees. Call {@link #open()} first.
     */
    public synchronized void append(List<ClassifiedEvent> events) throws IOException {
        try {
            // All look-ups first, then all rows: the look-ups' cache misses overlap instead of waiting one by one
            // between appends. Adding before appending loses nothing: a failed append reopens the file, which
            // reads the ids from it again.
            boolean[] written = new boolean[events.size()];
            for (int i = 0; i < written.length; i++) {
                SecurityEvent event = events.get(i).event();
                written[i] = replays.containsElseAdd(event.idHi(), event.idLo());
            }
            for (int i = 0; i < written.length; i++) {
                if (!written[i]) {
                    file.append(events.get(i).csvRow());
                }
            }
            file.flush();
            if (!file.stillAtPath()) {
                throw new IOException(config.path() + " was deleted or moved away while being written");
            }
        } catch (IOException e) {
            throw failed(e);
        }
        lastFailure = null;
    }

    private IOException failed(IOException e) {
        lastFailure = String.valueOf(e.getMessage());
        closeFile();
        return e;
    }

    /** Called on a rebalance: the new partitions' uncommitted events may be in another instance's file. */
    void partitionsAssigned() {
        partitionsAssigned = true;
    }

    /** Why rows cannot be appended now (the path's problem, else the last write's failure), or null. */
    public String problem() {
        String problem = ClassifiedCsvFile.problem(config.path().toAbsolutePath());
        return problem != null ? problem : lastFailure;
    }

    /** Closes the file for good: the service is stopping. */
    public synchronized void close() {
        closed = true;
        closeFile();
    }

    private void closeFile() {
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException e) {
            LOG.debugf("Closing %s: %s", config.path(), e);
        }
        file = null;
    }
}
