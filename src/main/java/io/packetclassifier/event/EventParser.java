package io.packetclassifier.event;

import java.util.HashMap;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

// TEMPORARY stand-in.
public class EventParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    public EventParser(int maxBytes) {}
    public SecurityEvent parse(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) throw new InvalidEventException(RejectReason.EMPTY, "empty");
        JsonNode node;
        try { node = MAPPER.readTree(value); } catch (Exception e) { throw new InvalidEventException(RejectReason.INVALID_JSON, "invalid json"); }
        Map<String, String> f = new HashMap<>();
        node.fields().forEachRemaining(e -> { if (!e.getValue().isNull()) f.put(e.getKey(), e.getValue().asText()); });
        if (f.get("event_id") == null) throw new InvalidEventException(RejectReason.MISSING_EVENT_ID, "no event_id");
        if (f.get("event_type") == null) throw new InvalidEventException(RejectReason.MISSING_EVENT_TYPE, "no event_type");
        return new SecurityEvent(f.get("event_id"), f.getOrDefault("timestamp", ""), f.getOrDefault("user", ""),
                f.getOrDefault("host", ""), f.getOrDefault("source_ip", ""), f.get("event_type"), f);
    }
}
