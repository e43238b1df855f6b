package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;


/**
 * Command lines of the Windows maximum length (32,767 characters) shaped against the SigmaHQ rules'
 * regular expressions, as an attacker who reads the rules would write them, and ordinary command lines of
 * the same length to compare their cost with. Each shaped line names the pattern it targets: patterns
 * that a backtracking engine runs in super-linear time on it.
 */
public final class AdversarialCommandLines {

    /** Windows' limit on a process command line (UNICODE_STRING), in UTF-16 characters. */
    public static final int MAX_LENGTH = 32_767;

    public static final String POWERSHELL = "C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe";
    public static final String CMD = "C:\\Windows\\System32\\cmd.exe";

    /** One command line and the process that runs it. */
    public record CommandLine(String name, String image, String originalFileName, String text) {
    }

    private AdversarialCommandLines() {
    }

    /** The hand-made shapes: each stalls java.util.regex for seconds to hours with the rules loaded. */
    public static List<CommandLine> shaped() {
        return List.of(
                // \w+`(?:\w+|-|.)`[\w+|\s] (PowerShell token obfuscation): \w+ retried from every start, O(n²)
                powershell("word then backtick", fill("powershell ", "a", "`")),
                // (?:.*\)){1,}.*\" (Invoke-Obfuscation VAR+): every way to split the ')' between the repetitions
                cmd("nested parentheses", fill("cmd /c\"set abcd{0}\\\" -f", ")", "")),
                // cmd.{0,5}(?:/c|/r).+powershell.+(?:…|noexit).+\" (Invoke-Obfuscation STDIN+): every pair, no quote
                cmd("powershell noexit pairs", fill("cmd /c ", "powershell noexit ", "")),
                // (?i)echo.*clip.*&&.*(?:Clipboard|i`?n`?v`?o`?k`?e`?) (Invoke-Obfuscation CLIP+): never completed
                cmd("echo clip chain", fill("echo ", "clip&&", "")),
                // (?i)(?:set).*&&\s?set.*(?:environment|invoke|…).*&&.*" (Invoke-Obfuscation via stdin)
                cmd("set invoke chain", fill("set&&set ", "invoke&&", "")),
                // \{.*\{.*…\{ ten times (PowerShell special characters): nine braces, each .* tried everywhere
                powershell("nine braces of ten", fill("powershell {{{{{{{{{", "a", "")),
                // every literal of every |re pattern, so that the prefilter lets every regex rule through
                powershell("every regex literal", fill("", String.join(" ", regexLiterals()) + " ", "")));
    }

    /**
     * One line per distinct {@code |re} pattern of the rules: the pattern's literal pieces but the last,
     * repeated, so that a {@code .*}-chain finds its first pieces everywhere and its last nowhere.
     */
    public static List<CommandLine> perPattern() {
        List<CommandLine> lines = new ArrayList<>();
        for (String pattern : regexPatterns()) {
            List<String> pieces = literalPieces(pattern);
            String unit = pieces.size() <= 1 ? String.join("", pieces) : String.join(" ", pieces.subList(0, pieces.size() - 1));
            lines.add(powershell("pieces of /" + pattern + "/", fill("", (unit.isEmpty() ? "x" : unit) + " ", "")));
        }
        return lines;
    }

    /** Command lines of the same length that administrators and software really run. */
    public static List<CommandLine> ordinary() {
        return List.of(
                powershell("script block", fill("powershell.exe -NoProfile -ExecutionPolicy Bypass -Command \"",
                        "Get-ChildItem -Path 'C:\\Users\\Public\\Documents' -Filter *.log -Recurse | "
                                + "Where-Object { $_.Length -gt 1MB } | Remove-Item -Force; ", "\"")),
                powershell("encoded command", fill("powershell.exe -NoProfile -EncodedCommand ",
                        "SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA", "")),
                cmd("copy chain", fill("cmd.exe /c ", "copy /Y \"C:\\Program Files\\Vendor\\App\\config\\settings.xml\" "
                        + "\"D:\\Backup\\2026-11-28\\settings.xml\" && ", "echo done")),
                cmd("installer arguments", fill("\"C:\\Windows\\System32\\msiexec.exe\" /i \"C:\\Temp\\agent.msi\" /qn ",
                        "PROPERTY_NAME=\"some value with spaces\" INSTALLDIR=\"C:\\Program Files\\Agent\" ", "")));
    }

    /** A process_start event of this command line, as a rule sees it. */
    public static Map<String, String> event(CommandLine line) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_type", "process_start");
        fields.put("image", line.image());
        fields.put("original_file_name", line.originalFileName());
        fields.put("command_line", line.text());
        fields.put("parent_image", "C:\\Windows\\explorer.exe");
        fields.put("parent_command_line", "C:\\Windows\\Explorer.EXE");
        fields.put("user", "WORKSTATION\\alice");
        fields.put("integrity_level", "Medium");
        return fields;
    }

    private static CommandLine powershell(String name, String text) {
        return new CommandLine(name, POWERSHELL, "PowerShell.EXE", text);
    }

    private static CommandLine cmd(String name, String text) {
        return new CommandLine(name, CMD, "Cmd.Exe", text);
    }

    /** {@code head}, then {@code unit} as often as it fits, then {@code tail}, padded with spaces to the maximum. */
    static String fill(String head, String unit, String tail) {
        StringBuilder text = new StringBuilder(MAX_LENGTH).append(head);
        while (text.length() + unit.length() + tail.length() <= MAX_LENGTH) {
            text.append(unit);
        }
        text.append(tail);
        while (text.length() < MAX_LENGTH) {
            text.append(' ');
        }
        return text.toString();
    }

    /** Every distinct {@code |re} value of the SigmaHQ rules, in file order. */
    static List<String> regexPatterns() {
        Set<String> patterns = new LinkedHashSet<>();
        SigmaTesting.sigmaHqDetections().forEach(detection -> collect(null, detection, patterns));
        return List.copyOf(patterns);
    }

    private static void collect(String key, Object value, Set<String> into) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collect(String.valueOf(k), v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(key, v, into));
        } else if (key != null && value != null && List.of(key.split("\\|")).contains("re")) {
            into.add(String.valueOf(value));
        }
    }

    /** The runs of plain characters in a pattern (escaped punctuation included), outside classes and counts. */
    static List<String> literalPieces(String pattern) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length() && !Character.isLetterOrDigit(pattern.charAt(i + 1))) {
                piece.append(pattern.charAt(++i));
            } else if (Character.isLetterOrDigit(c) || " -/:%&\"'`".indexOf(c) >= 0) {
                piece.append(c);
            } else {
                if (c == '[' || c == '{') {
                    int close = pattern.indexOf(c == '[' ? ']' : '}', i + 1);
                    i = close < 0 ? i : close;
                } else if (c == '\\') {
                    i++; // \s, \d, \w: a class, not a literal
                }
                if (!piece.isEmpty()) {
                    pieces.add(piece.toString());
                    piece.setLength(0);
                }
            }
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }

    /** The literal pieces of every pattern, each once. */
    static List<String> regexLiterals() {
        Set<String> literals = new LinkedHashSet<>();
        regexPatterns().forEach(p -> literals.addAll(literalPieces(p)));
        return List.copyOf(literals);
    }
}
