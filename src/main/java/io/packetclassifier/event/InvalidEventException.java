package io.packetclassifier.event;

// TEMPORARY stand-in.
public class InvalidEventException extends Exception {
    private final RejectReason reason;
    public InvalidEventException(RejectReason reason, String message) { super(message, null, false, false); this.reason = reason; }
    public RejectReason reason() { return reason; }
}
