package io.packetclassifier.rules;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness check {@code rules}: how many rules are in force and how many could not be loaded. */
@Readiness
@ApplicationScoped
public class RulesHealthCheck implements HealthCheck {

    private final ActiveRules rules;

    RulesHealthCheck(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("rules").status(rules.size() > 0)
                .withData("loaded", rules.size())
                .withData("unsupported", rules.unsupported())
                .withData("lastReloadRefused", !rules.rejectedReload().isEmpty())
                .build();
    }
}
