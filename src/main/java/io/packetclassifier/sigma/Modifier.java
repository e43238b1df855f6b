package io.packetclassifier.sigma;

import java.util.Locale;
import java.util.Optional;

/** The value modifiers of the Sigma specification that this engine evaluates, as written after a field's '|'. */
enum Modifier {
    /** The value anywhere in the field. */
    CONTAINS,
    /** The value at the start of the field. */
    STARTSWITH,
    /** The value at the end of the field. */
    ENDSWITH,
    /** Every value of the list must match, not any one. */
    ALL,
    /** The value is a regular expression, found anywhere in the field. */
    RE,
    /** {@code re} sub-modifier: case-insensitive. */
    IGNORE_CASE("i"),
    /** {@code re} sub-modifier: {@code ^} and {@code $} match at line breaks too. */
    MULTILINE("m"),
    /** {@code re} sub-modifier: {@code .} matches a line feed too. */
    DOTALL("s"),
    /** Every parameter dash ({@code -} or {@code /} starting a word) in each of its five forms. */
    WINDASH,
    /** The value base64-encoded. */
    BASE64,
    /** The value base64-encoded at each of the three byte offsets inside a longer text. */
    BASE64OFFSET,
    /** Before base64: the value as UTF-16 little-endian. */
    UTF16LE,
    /** Before base64: the value as UTF-16 big-endian. */
    UTF16BE,
    /** Before base64: the value as UTF-16 little-endian after a byte order mark. */
    UTF16,
    /** An alias of {@code utf16le}. */
    WIDE,
    /** Case-sensitive instead of Sigma's case-insensitive default. */
    CASED,
    /** The value names another field whose value this one is compared with. */
    FIELDREF,
    /** {@code true}: the field is present; {@code false}: it is absent. */
    EXISTS,
    /** The value is an IPv4 or IPv6 network the field's address must lie in. */
    CIDR,
    /** The field's number is greater than the value. */
    GT,
    /** The field's number is greater than or equal to the value. */
    GTE,
    /** The field's number is less than the value. */
    LT,
    /** The field's number is less than or equal to the value. */
    LTE;

    private final String written;

    Modifier() {
        this.written = name().toLowerCase(Locale.ROOT);
    }

    Modifier(String written) {
        this.written = written;
    }

    /** The modifier as a rule writes it (case-insensitively), or empty for one this engine does not know. */
    static Optional<Modifier> named(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (Modifier modifier : values()) {
            if (modifier.written.equals(lower)) {
                return Optional.of(modifier);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return written;
    }
}
