package io.packetclassifier.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventParserTest {

    static final String ID = "38b6dde6-b295-46b1-bad4-2b650569ff04";
    static final String GOOD = "{\"event_id\":\"" + ID + "\",\"timestamp\":\"2026-11-28T10:00:00Z\",\"user\":\"alice\","
            + "\"host\":\"ws-001\",\"source_ip\":\"10.0.0.5\",\"event_type\":\"process_start\","
            + "\"command_line\":\"cmd.exe /c whoami\"}";

    final EventParser parser = new EventParser();

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] withBytes(String prefix, byte[] middle, String suffix) {
        byte[] a = utf8(prefix);
        byte[] c = utf8(suffix);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    static String event(String fields) {
        return "{\"event_id\":\"" + ID + "\",\"event_type\":\"process_start\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    /** Each kind of bad input, the reason it must get, and a word its message must contain. */
    static Stream<Arguments> badInputs() {
        String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
        String deepField = event("\"extra\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000));
        String lastField = "\"user\":\"";
        return Stream.of(
                Arguments.of("null value", null, "empty", "tombstone"),
                Arguments.of("zero bytes", new byte[0], "empty", "empty"),
                Arguments.of("over 1 MiB", utf8(event("\"pad\":\"" + "x".repeat(1 << 20) + "\"")), "too-large", "bytes"),
                Arguments.of("lone continuation byte", withBytes(event("").replace("}", ",") + lastField, new byte[] { (byte) 0x80 }, "\"}"), "invalid-utf8", "0x80"),
                Arguments.of("overlong slash", withBytes(event("").replace("}", ",") + lastField, new byte[] { (byte) 0xC0, (byte) 0xAF }, "\"}"), "invalid-utf8", "0xC0"),
                Arguments.of("truncated sequence", withBytes(event("").replace("}", ",") + lastField, new byte[] { (byte) 0xE2, (byte) 0x82 }, "\"}"), "invalid-utf8", "offset"),
                Arguments.of("UTF-8 encoded surrogate", withBytes(event("").replace("}", ",") + lastField, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, "\"}"), "invalid-utf8", "0xED"),
                Arguments.of("0xFF byte", withBytes(event("").replace("}", ",") + lastField, new byte[] { (byte) 0xFF }, "\"}"), "invalid-utf8", "0xFF"),
                Arguments.of("bad byte in a key", withBytes("{\"ev", new byte[] { (byte) 0xFE }, "\":1}"), "invalid-utf8", "0xFE"),
                Arguments.of("truncated JSON", utf8("{\"event_id\": \"abc"), "invalid-json", "end of input"),
                Arguments.of("not JSON", utf8("hello world"), "invalid-json", "line 1, column"),
                Arguments.of("white space only", utf8("   \n"), "invalid-json", "white space"),
                Arguments.of("trailing object", utf8(GOOD + " {}"), "invalid-json", "more after the object"),
                Arguments.of("trailing garbage", utf8(GOOD + "x"), "invalid-json", "offset"),
                Arguments.of("array", utf8("[" + GOOD + "]"), "not-an-object", "array"),
                Arguments.of("string", utf8("\"event\""), "not-an-object", "string"),
                Arguments.of("number", utf8("42"), "not-an-object", "number"),
                Arguments.of("null literal", utf8("null"), "not-an-object", "null"),
                Arguments.of("10,000 nested arrays", utf8(deepArray), "not-an-object", "array"),
                Arguments.of("10,000 nested objects in a field", utf8(deepField), "too-deep", "nested"),
                Arguments.of("duplicate key", utf8(event("\"user\":\"a\",\"user\":\"b\"")), "duplicate-key", "user"),
                Arguments.of("duplicate event_id", utf8(event("\"event_id\":\"" + ID + "\"")), "duplicate-key", "event_id"),
                Arguments.of("duplicate key, first null", utf8(event("\"user\":null,\"user\":\"b\"")), "duplicate-key", "user"),
                Arguments.of("duplicate key, both null", utf8(event("\"pid\":null,\"pid\":null")), "duplicate-key", "pid"),
                Arguments.of("duplicate key in a nested object", utf8(event("\"extra\":{\"a\":1,\"b\":{\"c\":1,\"c\":2}}")), "duplicate-key", "c"),
                Arguments.of("duplicate key in an object in an array", utf8(event("\"extra\":[{\"a\":1},{\"a\":1,\"a\":1}]")), "duplicate-key", "a"),
                Arguments.of("missing event_id", utf8("{\"event_type\":\"process_start\"}"), "missing-event-id", "event_id"),
                Arguments.of("null event_id", utf8("{\"event_id\":null,\"event_type\":\"x\"}"), "missing-event-id", "event_id"),
                Arguments.of("empty event_id", utf8("{\"event_id\":\"\",\"event_type\":\"x\"}"), "missing-event-id", "event_id"),
                Arguments.of("blank event_id", utf8("{\"event_id\":\"  \",\"event_type\":\"x\"}"), "missing-event-id", "event_id"),
                Arguments.of("event_id not a UUID", utf8("{\"event_id\":\"evt-42\",\"event_type\":\"x\"}"), "invalid-event-id", "UUID"),
                Arguments.of("UUID without dashes", utf8("{\"event_id\":\"38b6dde6b29546b1bad42b650569ff04\",\"event_type\":\"x\"}"), "invalid-event-id", "UUID"),
                Arguments.of("UUID with a non-hex digit", utf8("{\"event_id\":\"38b6dde6-b295-46b1-bad4-2b650569ff0g\",\"event_type\":\"x\"}"), "invalid-event-id", "UUID"),
                Arguments.of("all-zero UUID", utf8("{\"event_id\":\"00000000-0000-0000-0000-000000000000\",\"event_type\":\"x\"}"), "invalid-event-id", "zero"),
                Arguments.of("missing event_type", utf8("{\"event_id\":\"" + ID + "\"}"), "missing-event-type", "event_type"),
                Arguments.of("null event_type", utf8("{\"event_id\":\"" + ID + "\",\"event_type\":null}"), "missing-event-type", "event_type"),
                Arguments.of("blank event_type", utf8("{\"event_id\":\"" + ID + "\",\"event_type\":\" \"}"), "missing-event-type", "event_type"),
                Arguments.of("numeric event_id", utf8("{\"event_id\":42,\"event_type\":\"x\"}"), "wrong-type", "event_id"),
                Arguments.of("array user", utf8(event("\"user\":[\"a\"]")), "wrong-type", "user"),
                Arguments.of("object host", utf8(event("\"host\":{\"name\":\"a\"}")), "wrong-type", "host"),
                Arguments.of("boolean command_line", utf8(event("\"command_line\":true")), "wrong-type", "command_line"),
                Arguments.of("numeric logon_type", utf8(event("\"logon_type\":3")), "wrong-type", "logon_type"),
                Arguments.of("numeric timestamp", utf8(event("\"timestamp\":1764324000")), "wrong-type", "timestamp"),
                Arguments.of("array source_ip", utf8(event("\"source_ip\":[]")), "wrong-type", "source_ip"),
                Arguments.of("object event_type", utf8("{\"event_id\":\"" + ID + "\",\"event_type\":{}}"), "wrong-type", "event_type"));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("badInputs")
    void badInputGetsItsReasonAndASpecificMessage(String kind, byte[] value, String reason, String inMessage) {
        assertThatThrownBy(() -> parser.parse(value)).isInstanceOfSatisfying(InvalidEventException.class, e -> {
            assertThat(e.reason().code()).isEqualTo(reason);
            assertThat(e.getMessage()).containsIgnoringCase(inMessage);
            assertThat(e.getMessage().length()).as("no payload dump").isLessThan(300);
            assertThat(e.getMessage()).as("no payload text").doesNotContain("hello", "whoami", "abc");
        });
    }

    @Test
    void aSeedEventParses() throws Exception {
        SecurityEvent event = parser.parse(utf8(GOOD));
        assertThat(event.eventId()).isEqualTo(ID);
        assertThat(event.timestamp()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(event.user()).isEqualTo("alice");
        assertThat(event.host()).isEqualTo("ws-001");
        assertThat(event.sourceIp()).isEqualTo("10.0.0.5");
        assertThat(event.eventType()).isEqualTo("process_start");
        assertThat(event.get("command_line")).isEqualTo("cmd.exe /c whoami");
        assertThat(event.get("logon_type")).isNull();
        assertThat(event.get("event_id")).isEqualTo(ID);
    }

    @Test
    void optionalFieldsMayBeAbsentOrNullAndUnknownTypesAreFine() throws Exception {
        SecurityEvent event = parser.parse(utf8("{\"event_id\":\"" + ID.toUpperCase() + "\",\"event_type\":\"quantum_tunnel\","
                + "\"user\":null,\"command_line\":null}"));
        assertThat(event.user()).isEmpty();
        assertThat(event.timestamp()).isEmpty();
        assertThat(event.host()).isEmpty();
        assertThat(event.sourceIp()).isEmpty();
        assertThat(event.get("command_line")).isNull();
        assertThat(event.eventType()).isEqualTo("quantum_tunnel");
    }

    @Test
    void extraFieldsAreKeptAsText() throws Exception {
        SecurityEvent event = parser.parse(utf8(event("\"process_id\":4624,\"elevated\":true,\"ratio\":0.5,"
                + "\"tags\":[\"a\",{\"b\":1}],\"parent\":{\"image\":\"C:\\\\x.exe\"},\"note\":\"emoji 🚀 日本 ®\","
                + "\"escaped\":\"tab\\tquote\\\"\\u00e9\"")));
        assertThat(event.get("process_id")).isEqualTo("4624");
        assertThat(event.get("elevated")).isEqualTo("true");
        assertThat(event.get("ratio")).isEqualTo("0.5");
        assertThat(event.get("tags")).isEqualTo("[\"a\",{\"b\":1}]");
        assertThat(event.get("parent")).isEqualTo("{\"image\":\"C:\\\\x.exe\"}");
        assertThat(event.get("note")).isEqualTo("emoji 🚀 日本 ®");
        assertThat(event.get("escaped")).isEqualTo("tab\tquote\"é");
    }

    @Test
    void exactlyTheLimitIsAccepted() throws Exception {
        String prefix = "{\"event_id\":\"" + ID + "\",\"event_type\":\"process_start\",\"pad\":\"";
        int pad = (1 << 20) - utf8(prefix).length - 2;
        byte[] value = utf8(prefix + "x".repeat(pad) + "\"}");
        assertThat(value.length).isEqualTo(1 << 20);
        assertThat(parser.parse(value).get("pad")).hasSize(pad);
    }

    @Test
    void allRegressionEventsParse() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(Path.of("../shared/sigma/regression/process_creation.jsonl"));
        assertThat(lines).hasSize(40);
        for (String line : lines) {
            JsonNode event = json.readTree(line).get("event");
            SecurityEvent parsed = parser.parse(json.writeValueAsBytes(event));
            assertThat(parsed.eventId()).isEqualTo(event.get("event_id").asText());
            event.fields().forEachRemaining(f -> assertThat(parsed.get(f.getKey())).isEqualTo(f.getValue().asText()));
        }
    }
}
