package io.packetclassifier.sigma;

/**
 * The text of one rule file (or of rules given as text), before parsing.
 *
 * @param name the file's path, or the name the text was given under; reported with every match
 * @param seed whether these are the seed notebook's rules, which rank below every other rule
 */
record RuleSource(String name, String yaml, boolean seed) {
}
