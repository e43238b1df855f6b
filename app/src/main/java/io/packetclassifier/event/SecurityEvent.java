package io.packetclassifier.event;

import java.util.Map;

import io.packetclassifier.sigma.FieldSource;

/**
 * One security event. The seed's columns are components (absent ones are empty strings); {@code fields}
 * holds every field of the JSON object as text, for the rules.
 */
public record SecurityEvent(String eventId, String timestamp, String user, String host, String sourceIp,
        String eventType, Map<String, String> fields) implements FieldSource {

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
