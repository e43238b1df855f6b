package io.packetclassifier.sigma;

/** A rule (or a whole file, when {@code rule} is null) that could not be loaded, and why. */
public record UnsupportedRule(String source, String rule, String reason) {
}
