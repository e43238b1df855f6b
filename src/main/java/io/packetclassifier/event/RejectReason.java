package io.packetclassifier.event;

/**
 * Why a record is not a valid event; {@link #code()} is what the dead-letter header and the metric say.
 * When several apply, the first found wins, in this order: the value as a whole ({@code empty},
 * {@code too-large}, {@code invalid-utf8}), then the JSON in reading order ({@code invalid-json},
 * {@code not-an-object}, {@code too-deep}, {@code duplicate-key}, {@code wrong-type}), then the required
 * fields ({@code missing-event-id}, {@code invalid-event-id}, {@code missing-event-type}).
 */
public enum RejectReason {
    EMPTY("empty"),
    TOO_LARGE("too-large"),
    INVALID_UTF8("invalid-utf8"),
    INVALID_JSON("invalid-json"),
    NOT_AN_OBJECT("not-an-object"),
    TOO_DEEP("too-deep"),
    DUPLICATE_KEY("duplicate-key"),
    WRONG_TYPE("wrong-type"),
    MISSING_EVENT_ID("missing-event-id"),
    INVALID_EVENT_ID("invalid-event-id"),
    MISSING_EVENT_TYPE("missing-event-type");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
