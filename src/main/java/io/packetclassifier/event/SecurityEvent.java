package io.packetclassifier.event;

import java.util.Map;

import io.packetclassifier.sigma.FieldSource;

/**
 * One security event. The seed's columns are components (absent ones are empty strings); {@code fields}
 * holds every field of the JSON object as text, for the rules. {@code idHi}/{@code idLo} are the event id's
 * 128 bits (see {@link Uuid#parse}), parsed once by the parser for the trace id and the CSV output's replay check.
 */
public record SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
        String eventType, Map<String, String> fields, long idHi, long idLo) implements FieldSource {

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
}
