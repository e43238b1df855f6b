package io.packetclassifier.event;

import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

/**
 * Turns a record's value into a {@link SecurityEvent} with one streaming pass, or says precisely why it is
 * not one. Thread-safe.
 */
public final class EventParser {

    public static final int DEFAULT_MAX_BYTES = 1 << 20;
    /** Events are flat objects; anything nested deeper than this is refused before it costs anything. */
    public static final int MAX_DEPTH = 32;

    /** Marks a JSON null while reading, so that a key given twice is caught even when one value is null. */
    private static final String NULL = new String("null");
    private static final Set<String> STRING_FIELDS = Set.of("event_id", "timestamp", "user", "host", "source_ip",
            "event_type", "command_line", "logon_type");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();

    private final int maxBytes;

    public EventParser(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public EventParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public SecurityEvent parse(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException(RejectReason.EMPTY, value == null ? "null value (tombstone)" : "empty value");
        }
        if (value.length > maxBytes) {
            throw new InvalidEventException(RejectReason.TOO_LARGE,
                    value.length + " bytes, more than the " + maxBytes + " allowed");
        }
        int invalid = Utf8.firstInvalid(value);
        if (invalid >= 0) {
            throw new InvalidEventException(RejectReason.INVALID_UTF8,
                    String.format("byte 0x%02X at offset %d is not valid UTF-8", value[invalid] & 0xFF, invalid));
        }
        Map<String, String> fields = readObject(value);
        String eventId = fields.get("event_id");
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidEventException(RejectReason.MISSING_EVENT_ID, "no event_id");
        }
        long[] bits = Uuid.bits(eventId); // {0, 0} for anything but a UUID, and for the all-zero one
        if ((bits[0] | bits[1]) == 0) {
            throw new InvalidEventException(RejectReason.INVALID_EVENT_ID,
                    "event_id is not a UUID (8-4-4-4-12 hex digits, not all zero)");
        }
        String eventType = fields.get("event_type");
        if (eventType == null || eventType.isBlank()) {
            throw new InvalidEventException(RejectReason.MISSING_EVENT_TYPE, "no event_type");
        }
        return new SecurityEvent(eventId, orEmpty(fields.get("timestamp")), orEmpty(fields.get("user")),
                orEmpty(fields.get("host")), orEmpty(fields.get("source_ip")), eventType, fields, bits[0], bits[1]);
    }

    private static Map<String, String> readObject(byte[] value) throws InvalidEventException {
        try (JsonParser parser = JSON.createParser(value)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new InvalidEventException(RejectReason.INVALID_JSON, "no JSON value, only white space");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new InvalidEventException(RejectReason.NOT_AN_OBJECT, "a JSON " + kind(token) + ", not an object");
            }
            Map<String, String> fields = new HashMap<>(32);
            boolean nulls = false;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = parser.nextToken();
                boolean mustBeString = STRING_FIELDS.contains(name);
                String text = switch (token) {
                    case VALUE_STRING -> parser.getText();
                    case VALUE_NULL -> NULL;
                    case START_OBJECT, START_ARRAY -> {
                        if (mustBeString) {
                            throw wrongType(name, token);
                        }
                        yield compact(parser);
                    }
                    default -> {
                        if (mustBeString) {
                            throw wrongType(name, token);
                        }
                        yield parser.getText();
                    }
                };
                if (fields.put(name, text) != null) {
                    throw duplicate(name);
                }
                nulls |= text == NULL;
            }
            if (nulls) {
                fields.values().removeIf(text -> text == NULL);
            }
            if (parser.nextToken() != null) {
                throw new InvalidEventException(RejectReason.INVALID_JSON,
                        "more after the object at offset " + parser.currentLocation().getByteOffset());
            }
            return fields;
        } catch (StreamConstraintsException e) {
            throw new InvalidEventException(RejectReason.TOO_DEEP, "nested more than " + MAX_DEPTH + " levels");
        } catch (JsonParseException e) {
            // Jackson's own message quotes the offending input: say where and what kind, never the text itself.
            String message = e.getOriginalMessage();
            throw new InvalidEventException(RejectReason.INVALID_JSON, "malformed JSON (" + kind(message)
                    + ") at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + " (byte offset " + e.getLocation().getByteOffset() + ")");
        } catch (IOException e) {
            throw new InvalidEventException(RejectReason.INVALID_JSON, "malformed JSON (" + kind(e.getMessage()) + ")");
        }
    }

    private static String compact(JsonParser parser) throws IOException, InvalidEventException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(text)) {
            copy(parser, generator);
        }
        return text.toString();
    }

    /** Copies the current value; like copyCurrentStructure, but refusing an object with a key twice. */
    private static void copy(JsonParser parser, JsonGenerator generator) throws IOException, InvalidEventException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                generator.writeStartObject();
                Set<String> names = new HashSet<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    if (!names.add(name)) {
                        throw duplicate(name);
                    }
                    generator.writeFieldName(name);
                    parser.nextToken();
                    copy(parser, generator);
                }
                generator.writeEndObject();
            }
            case START_ARRAY -> {
                generator.writeStartArray();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    copy(parser, generator);
                }
                generator.writeEndArray();
            }
            default -> generator.copyCurrentEvent(parser);
        }
    }

    /**
     * Duplicate keys are checked here rather than by Jackson's STRICT_DUPLICATE_DETECTION, which kept a hash
     * set per object and cost as much as the rest of the parsing.
     */
    private static InvalidEventException duplicate(String name) {
        String shown = name.length() > 64 ? name.substring(0, 64) + "…" : name;
        return new InvalidEventException(RejectReason.DUPLICATE_KEY,
                "a key appears twice: '" + shown.replaceAll("\\p{Cntrl}", "?") + "'");
    }

    private static InvalidEventException wrongType(String name, JsonToken token) {
        return new InvalidEventException(RejectReason.WRONG_TYPE, name + " must be a string, not a JSON " + kind(token));
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** The kind of syntax error, from the start of Jackson's message, before it quotes any input. */
    private static String kind(String message) {
        if (message == null) {
            return "unreadable";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("end-of-input")) {
            return "unexpected end of input";
        }
        if (lower.contains("unrecognized token") || lower.contains("unrecognized character")) {
            return "unrecognized token";
        }
        if (lower.contains("unexpected character")) {
            return "unexpected character";
        }
        if (lower.contains("control character")) {
            return "unescaped control character";
        }
        if (lower.contains("exceeds") || lower.contains("length")) {
            return "value exceeds parser limits";
        }
        return "syntax error";
    }


    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
