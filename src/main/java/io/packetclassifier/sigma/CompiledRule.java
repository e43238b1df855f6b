package io.packetclassifier.sigma;

import java.util.List;

/**
 * One Sigma rule ready to evaluate: its condition, and what a match reports.
 *
 * @param level 5 critical, 4 high, 3 medium, 2 low, 1 informational
 * @param category the logsource category, or null for a rule that applies to every event
 * @param tags lower-cased
 */
record CompiledRule(String id, String title, int level, String levelName, String category, Condition condition,
        List<String> tags) {
}
