package io.packetclassifier.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.FieldSource;
import io.packetclassifier.sigma.SigmaRuleSet;
import io.packetclassifier.sigma.UnsupportedRule;
import io.quarkus.runtime.StartupEvent;

/**
 * The rule set in force: the seed rules, under the Sigma rules of {@code classifier.rules.sigma-paths}.
 * Changed rule files are loaded without a restart; if a file is broken, the error is logged and the
 * previous rules stay in force.
 */
@Singleton // classify is called per event: injected as itself, without a client proxy's look-up per call
public class ActiveRules {

    private static final Logger LOG = Logger.getLogger(ActiveRules.class);

    private final RulesConfig config;
    private final AttackCatalog catalog;
    private volatile SigmaRuleSet rules;
    private volatile String fingerprint;
    private volatile List<UnsupportedRule> rejectedReload = List.of();
    private ScheduledExecutorService watcher;

    ActiveRules(RulesConfig config) {
        this.config = config;
        this.catalog = loadCatalog(config);
        this.fingerprint = fingerprint();
        this.rules = build();
        report(rules);
    }

    void onStart(@Observes StartupEvent event) {
        long interval = config.reloadInterval().toMillis();
        if (interval > 0 && config.sigmaPaths().isPresent()) {
            watcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "rules-reload");
                thread.setDaemon(true);
                return thread;
            });
            watcher.scheduleWithFixedDelay(this::reloadIfChanged, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    public Classification classify(FieldSource event) {
        return rules.classify(event);
    }

    public SigmaRuleSet current() {
        return rules;
    }

    public int size() {
        return rules.size();
    }

    /** The ATT&CK catalog the rules' tags are resolved against (the bundled one, or classifier.rules.attack-bundle). */
    public AttackCatalog catalog() {
        return catalog;
    }

    public int unsupported() {
        return rules.unsupported().size();
    }

    /** Problems of the last reload that was refused (the previous rules stayed); empty when it went through. */
    public List<UnsupportedRule> rejectedReload() {
        return rejectedReload;
    }

    /** Checks the rule files now; returns whether a new rule set was put in force. */
    public synchronized boolean reloadIfChanged() {
        try {
            String now = fingerprint();
            if (now.equals(fingerprint)) {
                return false;
            }
            fingerprint = now;
            SigmaRuleSet candidate = build();
            List<UnsupportedRule> broken = candidate.unsupported().stream().filter(u -> u.rule() == null).toList();
            if (!broken.isEmpty()) {
                rejectedReload = broken;
                broken.forEach(b -> LOG.errorf("Rule file %s is broken (%s): the previous %d rules stay in force",
                        b.source(), b.reason(), rules.size()));
                return false;
            }
            rejectedReload = List.of();
            rules = candidate;
            LOG.info("Rule files changed: reloaded");
            report(candidate);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Reloading the rules failed: the previous %d rules stay in force", rules.size());
            return false;
        }
    }

    private SigmaRuleSet build() {
        SigmaRuleSet.Builder builder = SigmaRuleSet.builder(catalog).fieldMapping(fieldMapping())
                .logsourceMapping(config.logsource()).prefilter(config.prefilter());
        config.sigmaPaths().orElse(List.of()).forEach(builder::addPath);
        return builder.withSeedRules().build();
    }

    private void report(SigmaRuleSet set) {
        int seed = set.seedRules();
        String from = config.sigmaPaths().map(paths -> " from " + String.join(", ", paths.stream().map(Path::toString).toList()))
                .orElse("");
        LOG.infof("Rules: %d loaded (%d Sigma%s, %d seed), %d unsupported; ATT&CK catalog: %d tactics, %d techniques",
                set.size(), set.size() - seed, from, seed, set.unsupported().size(), catalog.tacticCount(),
                catalog.techniqueCount());
        set.unsupported().forEach(u -> LOG.warnf("Rule not loaded: %s%s: %s", u.source(),
                u.rule() == null ? "" : " (" + u.rule() + ")", u.reason()));
        if (!set.unknownAttackIds().isEmpty()) {
            LOG.infof("ATT&CK ids used by rules but unknown to the catalog (kept as they are): %s", set.unknownAttackIds());
        }
    }

    private Map<String, String> fieldMapping() {
        Map<String, String> mapping = new HashMap<>();
        config.fieldMapping().ifPresent(path -> {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(path)) {
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the field mapping " + path, e);
            }
            properties.forEach((k, v) -> mapping.put(k.toString().trim(), v.toString().trim()));
        });
        return mapping;
    }

    /** Paths, sizes and modification times of every rule file: cheap to compute, changes with any edit. */
    private String fingerprint() {
        StringBuilder print = new StringBuilder();
        for (Path root : config.sigmaPaths().orElse(List.of())) {
            try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        print.append(f).append(':').append(Files.size(f)).append(':')
                                .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
                    } catch (IOException e) {
                        print.append(f).append(":gone\n");
                    }
                });
            } catch (IOException e) {
                print.append(root).append(":unreadable\n");
            }
        }
        return print.toString();
    }

    private static AttackCatalog loadCatalog(RulesConfig config) {
        if (config.attackBundle().isEmpty()) {
            return AttackCatalog.bundled();
        }
        try (InputStream in = Files.newInputStream(config.attackBundle().get())) {
            return AttackCatalog.fromStix(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ATT&CK bundle " + config.attackBundle().get(), e);
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }
}
