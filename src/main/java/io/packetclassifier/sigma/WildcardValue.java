package io.packetclassifier.sigma;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.Pattern;

/**
 * A Sigma string value with its wildcards ({@code *}, {@code ?}, {@code \} escapes), placed by
 * {@code contains}, {@code startswith} or {@code endswith}, compiled to literal pieces: the common case
 * (no {@code ?}) needs only startsWith/indexOf/endsWith; with a {@code ?}, a linear-time regex.
 */
final class WildcardValue implements ValueMatcher {

    private final String[] parts;
    private final boolean leadingStar;
    private final boolean trailingStar;
    private final boolean cased;
    private final Pattern regex;

    WildcardValue(String value, ValuePosition position, boolean cased) {
        this.cased = cased;
        // case-insensitive: compare lower-cased texts, '?' included, exactly as the prefilter does
        String sigmaValue = cased ? value : CaseFolding.lower(value);
        List<String> pieces = new ArrayList<>(); // the literal text between wildcards
        StringBuilder regexText = new StringBuilder(position.openStart() ? ".*" : "");
        StringBuilder piece = new StringBuilder();
        boolean question = false;
        if (position.openStart()) {
            pieces.add("");
        }
        for (int i = 0; i < sigmaValue.length(); i++) {
            char c = sigmaValue.charAt(i);
            if (c == '\\' && i + 1 < sigmaValue.length() && "*?\\".indexOf(sigmaValue.charAt(i + 1)) >= 0) {
                c = sigmaValue.charAt(++i); // an escaped wildcard or backslash is literal
            } else if (c == '*' || c == '?') {
                pieces.add(piece.toString());
                regexText.append(Pattern.quote(piece.toString())).append(c == '*' ? ".*" : ".");
                piece.setLength(0);
                question |= c == '?';
                continue;
            }
            piece.append(c);
        }
        pieces.add(piece.toString());
        regexText.append(Pattern.quote(piece.toString()));
        if (position.openEnd()) {
            pieces.add("");
            regexText.append(".*");
        }
        boolean wildcard = pieces.size() > 1;
        this.leadingStar = wildcard && pieces.get(0).isEmpty();
        this.trailingStar = wildcard && pieces.get(pieces.size() - 1).isEmpty();
        this.parts = pieces.stream().filter(p -> !p.isEmpty()).toArray(String[]::new); // lower-cased above
        this.regex = question ? Pattern.compile(regexText.toString(), Pattern.DOTALL) : null;
    }

    @Override
    public boolean matches(EventView event, int field) {
        String value = cased ? event.raw(field) : event.lower(field);
        if (value == null) {
            return false;
        }
        if (regex != null) {
            return regex.matcher(value).matches();
        }
        if (!leadingStar && !trailingStar && parts.length <= 1) {
            return value.equals(parts.length == 0 ? "" : parts[0]); // no wildcard: equality
        }
        int from = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0 && !leadingStar) {
                if (!value.startsWith(part)) {
                    return false;
                }
                from = part.length();
            } else if (i == parts.length - 1 && !trailingStar) {
                return value.length() - part.length() >= from && value.endsWith(part);
            } else {
                int at = value.indexOf(part, from);
                if (at < 0) {
                    return false;
                }
                from = at + part.length();
            }
        }
        return true;
    }

    @Override
    public String literal() {
        String longest = null; // parts never hold a wildcard, '?' included
        for (String part : parts) {
            if (longest == null || part.length() > longest.length()) {
                longest = CaseFolding.lower(part);
            }
        }
        return longest;
    }
}
