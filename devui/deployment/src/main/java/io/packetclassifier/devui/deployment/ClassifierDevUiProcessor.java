package io.packetclassifier.devui.deployment;

import io.packetclassifier.devui.runtime.ClassifierJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.FooterPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The classifier's Dev UI card (dev mode only): a badge with the events written and dead-lettered, refreshed
 * while the Dev UI is open; a dashboard page (counts per tactic and technique, rules, dead letters, the
 * generator with its switch and rate); a page of the recent labelled events; the same events in a footer tab.
 * The pages call {@link ClassifierJsonRpcService} over the Dev UI's JSON-RPC websocket.
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
class ClassifierDevUiProcessor {

    static final String FEATURE = "packet-classifier-devui";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    CardPageBuildItem card() {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("Classifier")
                .icon("font-awesome-solid:shield-halved")
                .componentLink("qwc-classifier-dashboard.js")
                .streamingLabelJsonRPCMethodName("streamBadge"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Recent events")
                .icon("font-awesome-solid:list")
                .componentLink("qwc-classifier-recent-events.js"));
        return card;
    }

    @BuildStep
    FooterPageBuildItem footer() {
        return new FooterPageBuildItem(Page.webComponentPageBuilder()
                .title("Classified events")
                .icon("font-awesome-solid:shield-halved")
                .componentLink("qwc-classifier-recent-events.js"));
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpc() {
        return new JsonRPCProvidersBuildItem(ClassifierJsonRpcService.class);
    }
}
