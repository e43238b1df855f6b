package io.packetclassifier.event;

import java.util.Map;

// TEMPORARY stand-in until the streaming parser lands.
public record SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
        String eventType, Map<String, String> fields) implements io.packetclassifier.sigma.FieldSource {
    public String get(String field) {
        return fields.get(field);
    }
}
