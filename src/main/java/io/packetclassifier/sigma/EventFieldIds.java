package io.packetclassifier.sigma;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sigma field names → the event fields they read (mapped, else snake_case) → dense ids for {@link EventView}. */
final class EventFieldIds {

    private final Map<String, String> mapping;
    private final Map<String, Integer> ids = new LinkedHashMap<>();

    /** {@code mapping}: Sigma field → event field, overriding the default CamelCase → snake_case. */
    EventFieldIds(Map<String, String> mapping) {
        this.mapping = new HashMap<>(mapping);
    }

    int idOf(String sigmaField) {
        String mapped = mapping.get(sigmaField);
        return ids.computeIfAbsent(mapped != null ? mapped : snakeCase(sigmaField), name -> ids.size());
    }

    /** The event field names, by id. */
    String[] names() {
        return ids.keySet().toArray(String[]::new);
    }

    /** {@code CommandLine} → {@code command_line}, {@code OriginalFileName} → {@code original_file_name}. */
    static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1)) || Character.isDigit(name.charAt(i - 1)));
                boolean endsAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1)) && i + 1 < name.length()
                        && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endsAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
