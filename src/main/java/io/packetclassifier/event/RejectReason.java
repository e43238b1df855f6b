package io.packetclassifier.event;

// TEMPORARY stand-in.
public enum RejectReason {
    EMPTY("empty"), INVALID_JSON("invalid-json"), MISSING_EVENT_ID("missing-event-id"), MISSING_EVENT_TYPE("missing-event-type");
    private final String code;
    RejectReason(String code) { this.code = code; }
    public String code() { return code; }
}
