package io.packetclassifier.view;

import java.util.ArrayList;
import java.util.List;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.sigma.RuleMatch;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A written event as the page lists it: its CSV columns and every rule it matched, as classified-events
 * holds them; nothing else of the raw event.
 */
@RegisterForReflection
public record ViewEvent(String eventId, String timestamp, String user, String host, String sourceIp,
        String eventType, String tactic, String technique, List<Match> matches, long writtenAt) {

    /** A rule that matched, with its ATT&CK technique ids. */
    @RegisterForReflection
    public record Match(String id, String title, String level, List<String> techniques) {

        static Match of(RuleMatch rule) {
            List<String> techniques = new ArrayList<>(rule.techniques().size());
            for (RuleMatch.TechniqueRef technique : rule.techniques()) {
                techniques.add(technique.id());
            }
            return new Match(rule.id(), rule.title(), rule.level(), techniques);
        }
    }

    static ViewEvent of(ClassifiedEvent classified, long writtenAt) {
        SecurityEvent e = classified.event();
        List<Match> matches = new ArrayList<>(classified.classification().matches().size());
        for (RuleMatch rule : classified.classification().matches()) {
            matches.add(Match.of(rule));
        }
        return new ViewEvent(e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                classified.tactic(), classified.technique(), matches, writtenAt);
    }

    /** Whether a match of this event names the technique, or for a family id one of its sub-techniques. */
    boolean tagged(String techniqueId, boolean family) {
        for (Match match : matches) {
            for (String id : match.techniques()) {
                if (id.equalsIgnoreCase(techniqueId) || (family && Counts.parentOf(id).equalsIgnoreCase(techniqueId))) {
                    return true;
                }
            }
        }
        return false;
    }
}
