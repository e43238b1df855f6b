package io.packetclassifier.sigma;

import java.util.List;
import java.util.Locale;

// TEMPORARY stand-in with the seed's rules, until the Sigma engine lands.
public class SigmaRuleSet {
    public static SigmaRuleSet seedOnly(Object catalog) { return new SigmaRuleSet(); }
    public int size() { return 5; }
    public Classification classify(FieldSource e) {
        String type = e.get("event_type");
        if ("process_start".equals(type)) {
            String cmd = e.get("command_line") == null ? "" : e.get("command_line").toLowerCase(Locale.ROOT);
            if (cmd.contains("encodedcommand")) return new Classification("TA0002", "T1059.001", List.of());
            if (cmd.contains("cmd.exe")) return new Classification("TA0002", "T1059.003", List.of());
            return new Classification("TA0002", "T1059", List.of());
        }
        if ("user_login".equals(type)) {
            return "failure".equals(e.get("logon_type")) ? new Classification("TA0006", "T1110", List.of())
                    : new Classification("TA0001", "T1078", List.of());
        }
        return new Classification("TA0000", "T0000", List.of());
    }
}
