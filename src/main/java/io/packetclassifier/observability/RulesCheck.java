package io.packetclassifier.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.packetclassifier.rules.ActiveRules;

/**
 * Readiness {@code rules}: UP when at least one rule is loaded; data gives the loaded and unsupported counts,
 * and whether the last reload was refused (a broken file: the previous rules stay in force).
 */
@Readiness
@ApplicationScoped
public class RulesCheck implements HealthCheck {

    public static final String NAME = "rules";

    private final ActiveRules rules;

    RulesCheck(ActiveRules rules) {
        this.rules = rules;
    }

    @Override
    public HealthCheckResponse call() {
        int loaded = rules.size();
        return HealthCheckResponse.named(NAME).status(loaded > 0).withData("loaded", loaded)
                .withData("unsupported", rules.unsupported())
                .withData("lastReloadRefused", !rules.rejectedReload().isEmpty()).build();
    }
}
