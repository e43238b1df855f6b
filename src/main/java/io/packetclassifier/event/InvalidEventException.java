package io.packetclassifier.event;

/** A record that is not a valid event, with the reason and exactly what was wrong (never the payload). */
public class InvalidEventException extends Exception {

    private final RejectReason reason;

    public InvalidEventException(RejectReason reason, String message) {
        super(message, null, false, false); // no stack trace: bad input can come by the million
        this.reason = reason;
    }

    public RejectReason reason() {
        return reason;
    }
}
