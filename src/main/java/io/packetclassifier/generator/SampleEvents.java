package io.packetclassifier.generator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Seed-shaped security events, the kind the lab's producer publishes: 40% process_start (encoded
 * PowerShell, cmd.exe and other command lines), 30% user_login (success or failure), 20%
 * network_connection, 10% file_create.
 */
public final class SampleEvents {

    private static final String[] USERS = { "alice", "bob", "carol", "dave", "svc_backup", "administrator" };
    private static final String[] HOSTS = { "ws-001", "ws-002", "ws-017", "srv-db-01", "srv-web-02", "dc-01" };
    private static final String[] ENCODED = {
            "powershell.exe -NoProfile -EncodedCommand SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAKQA=",
            "powershell -enc SQBFAFgA -EncodedCommand JABjAGwAaQBlAG4AdAA=" };
    private static final String[] CMD = { "cmd.exe /c whoami", "C:\\Windows\\System32\\cmd.exe /c net user",
            "cmd.exe /c dir C:\\Users" };
    private static final String[] OTHER = { "notepad.exe report.txt", "explorer.exe", "chrome.exe --type=renderer",
            "svchost.exe -k netsvcs" };

    private SampleEvents() {
    }

    /** One event as UTF-8 JSON. */
    public static byte[] next(RandomGenerator random) {
        return json(UUID.randomUUID().toString(), Instant.now().toString(), random).getBytes(StandardCharsets.UTF_8);
    }

    static String json(String eventId, String timestamp, RandomGenerator random) {
        StringBuilder json = new StringBuilder(240).append("{\"event_id\":\"").append(eventId)
                .append("\",\"timestamp\":\"").append(timestamp)
                .append("\",\"user\":\"").append(pick(USERS, random))
                .append("\",\"host\":\"").append(pick(HOSTS, random))
                .append("\",\"source_ip\":\"10.0.").append(random.nextInt(256)).append('.').append(random.nextInt(256));
        int kind = random.nextInt(100);
        if (kind < 40) {
            int variant = random.nextInt(3);
            String command = variant == 0 ? pick(ENCODED, random) : variant == 1 ? pick(CMD, random) : pick(OTHER, random);
            json.append("\",\"event_type\":\"process_start\",\"command_line\":\"").append(command.replace("\\", "\\\\"));
        } else if (kind < 70) {
            json.append("\",\"event_type\":\"user_login\",\"logon_type\":\"")
                    .append(random.nextInt(3) == 0 ? "failure" : "success");
        } else if (kind < 90) {
            json.append("\",\"event_type\":\"network_connection");
        } else {
            json.append("\",\"event_type\":\"file_create");
        }
        return json.append("\"}").toString();
    }

    private static String pick(String[] values, RandomGenerator random) {
        return values[random.nextInt(values.length)];
    }
}
