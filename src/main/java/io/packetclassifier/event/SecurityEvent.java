package io.packetclassifier.event;

import java.util.Map;

import io.packetclassifier.sigma.FieldSource;

/**
 * One security event. The seed's columns are components (absent ones are empty strings); {@code fields}
 * holds every field of the JSON object as text, for the rules. {@code idHi}/{@code idLo} are the event id's
 * 128 bits (see {@link Uuid#parse}), parsed once here for the trace id and the CSV output's replay check.
 */
public record SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
        String eventType, Map<String, String> fields, long idHi, long idLo) implements FieldSource {

    /** An event whose bits are parsed from {@code eventId} (both zero when it is not a UUID). */
    public SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
            String eventType, Map<String, String> fields) {
        this(eventId, timestamp, user, host, sourceIp, eventType, fields, Uuid.bits(eventId));
    }

    private SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
            String eventType, Map<String, String> fields, long[] bits) {
        this(eventId, timestamp, user, host, sourceIp, eventType, fields, bits[0], bits[1]);
    }

    /**
     * This event without {@code fields}, once the rules are done with them: a classified event waits for the
     * writer, and what it holds on to stays live until then (its map and extra strings are most of an event).
     */
    public SecurityEvent columnsOnly() {
        return new SecurityEvent(eventId, timestamp, user, host, sourceIp, eventType, Map.of(), idHi, idLo);
    }

    @Override
    public String get(String field) {
        return fields.get(field);
    }

    public String commandLine() {
        return fields.get("command_line");
    }

    public String logonType() {
        return fields.get("logon_type");
    }
}
