package io.packetclassifier.view;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** The {@code window} query parameter: an ISO-8601 duration such as {@code PT5M}; absent means since start. */
final class WindowParam {

    private WindowParam() {
    }

    /** The window asked for, null for since start; a 400 with the reason for anything else. */
    static Duration parse(String text, Duration longest) {
        if (text == null || text.isBlank() || text.equalsIgnoreCase("all")) {
            return null;
        }
        Duration window;
        try {
            window = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("window must be an ISO-8601 duration such as PT5M or PT1H (or absent for since start), was '"
                    + text + "'");
        }
        if (window.isNegative() || window.isZero()) {
            throw Problem.badRequest("window must be positive, was " + text);
        }
        if (window.compareTo(longest) > 0) {
            throw Problem.badRequest("window " + text + " is longer than the " + longest
                    + " kept (classifier.view.history); leave it out for since start");
        }
        return window;
    }
}
