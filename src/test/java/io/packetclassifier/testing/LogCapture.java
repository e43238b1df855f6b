package io.packetclassifier.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;

import org.jboss.logmanager.ExtHandler;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Keeps every record logged under a category while attached, with its MDC as it was when the line was logged
 * and the line as the console prints it (the console handler's own formatter: text, or JSON when
 * {@code quarkus.log.console.json.enabled=true}).
 */
public final class LogCapture extends ExtHandler implements AutoCloseable {

    /** One captured line. */
    public record Line(String logger, String level, String message, String traceId, String spanId, String sampled,
            String console) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Formatter console;
    private final Logger logger;

    private LogCapture(String category) {
        ConsoleHandler handler = consoleHandler(LogContext.getLogContext().getLogger("").getHandlers());
        if (handler == null) {
            throw new IllegalStateException("no console handler");
        }
        this.console = handler.getFormatter();
        this.logger = LogContext.getLogContext().getLogger(category);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /** Starts capturing the lines of {@code category} and the categories under it. */
    public static LogCapture of(String category) {
        return new LogCapture(category);
    }

    public Formatter consoleFormatter() {
        return console;
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public List<Line> containing(String text) {
        return lines.stream().filter(l -> l.message().contains(text)).toList();
    }

    @Override
    protected void doPublish(ExtLogRecord record) {
        lines.add(new Line(record.getLoggerName(), record.getLevel().getName(), record.getFormattedMessage(),
                record.getMdc("traceId"), record.getMdc("spanId"), record.getMdc("sampled"), console.format(record)));
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }

    private static ConsoleHandler consoleHandler(Handler[] handlers) {
        for (Handler handler : handlers) {
            if (handler instanceof ConsoleHandler found) {
                return found;
            }
            if (handler instanceof ExtHandler ext) {
                ConsoleHandler nested = consoleHandler(ext.getHandlers());
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }
}
