package io.packetclassifier.devui.runtime;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.inject.Instance;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The card's JSON-RPC methods, answered on the Dev UI websocket ({@code /q/dev-ui/json-rpc-ws}) as
 * {@code packet-classifier-devui_<method>}. A bean in dev mode only (the deployment module registers it there);
 * it forwards to the application's {@link ClassifierDevUiData} bean.
 */
public class ClassifierJsonRpcService {

    static final Duration BADGE_PERIOD = Duration.ofSeconds(2);

    private final Instance<ClassifierDevUiData> data;

    ClassifierJsonRpcService(Instance<ClassifierDevUiData> data) {
        this.data = data;
    }

    /** See {@link ClassifierDevUiData#summary()}. */
    @Blocking
    public Object getSummary() {
        return data().summary();
    }

    /** See {@link ClassifierDevUiData#recentEvents()}. */
    @Blocking
    public List<?> getRecentEvents() {
        return data().recentEvents();
    }

    /** See {@link ClassifierDevUiData#generator(boolean, double)}. */
    @Blocking
    public Object setGenerator(boolean on, double rate) {
        return data().generator(on, rate);
    }

    /** The card's badge, e.g. {@code "1,234 written · 0 dead-lettered"}, now (two counter reads). */
    public String getBadge() {
        ClassifierDevUiData d = data();
        return String.format("%,d written · %,d dead-lettered", d.written(), d.deadLettered());
    }

    /** The card's badge, every two seconds while the Dev UI is open. */
    public Multi<String> streamBadge() {
        return Multi.createFrom().ticks().every(BADGE_PERIOD).onOverflow().drop().map(tick -> getBadge());
    }

    private ClassifierDevUiData data() {
        if (!data.isResolvable()) {
            throw new IllegalStateException("the application has no single bean implementing "
                    + ClassifierDevUiData.class.getName());
        }
        return data.get();
    }
}
