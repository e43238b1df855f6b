package io.packetclassifier.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The page in a real browser (Debian's chromium, headless, driven by Playwright's bundled driver) against the
 * running service on the test broker: the counts move as events are produced, a technique's cell shows its
 * rules, and screenshots are saved to {@code target/attack-view.png} (the window) and
 * {@code target/attack-view-full.png} (the whole page).
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(ViewProfile.class)
class ViewBrowserTest {

    /** The browser; {@code -Dview.test.chromium=...} for another path. .ci/run installs Debian's package. */
    static final Path CHROMIUM = Path.of(System.getProperty("view.test.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOT = Path.of("target", "attack-view.png");
    static final Path FULL_PAGE = Path.of("target", "attack-view-full.png");
    static final double TIMEOUT_MS = 60_000;

    static Playwright playwright;
    static Browser browser;

    @TestHTTPResource("/")
    URL page;

    @BeforeAll
    static void launch() {
        assertThat(CHROMIUM).as("chromium (apt-get install chromium) for the browser test").isExecutable();
        // the driver is in the jar; no browser download: the closed network has none to offer. launch() gives the
        // browser a fresh temporary profile of its own (it refuses a --user-data-dir).
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic")));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static long number(Locator locator) {
        String digits = locator.textContent().replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    static long cellCount(Page page, String technique) {
        String count = page.locator(".cell[data-technique='" + technique + "']").first().getAttribute("data-count");
        return count == null ? -1 : Long.parseLong(count);
    }

    @Test
    void countsMoveAsEventsArriveAndACellShowsItsRules() throws Exception {
        Page tab = browser.newPage(new Browser.NewPageOptions().setViewportSize(1680, 1050));
        tab.setDefaultTimeout(TIMEOUT_MS);
        List<String> errors = new java.util.ArrayList<>();
        tab.onPageError(errors::add);
        tab.navigate(page.toString());
        tab.waitForSelector(".cell[data-technique='T1110']");
        tab.waitForFunction("() => /\\d/.test(document.getElementById('written').textContent)"
                + " && document.querySelector(\".cell[data-technique='T1110']\").dataset.count !== undefined");
        assertThat(tab.locator("#status").textContent()).isEqualTo("live");
        long writtenBefore = number(tab.locator("#written"));
        long bruteForceBefore = cellCount(tab, "T1110");

        ViewEvents events = new ViewEvents().regression().logons(12, "failure").logons(8, "success");
        events.produce();

        // no reload: the figures and the cells follow the server-sent updates
        long expectedWritten = writtenBefore + events.ids.size();
        tab.waitForFunction("n => Number(document.getElementById('written').textContent.replace(/\\D/g, '')) >= n",
                (int) expectedWritten); // Playwright passes ints, not longs
        tab.waitForFunction("n => Number(document.querySelector(\".cell[data-technique='T1110']\").dataset.count) === n",
                (int) bruteForceBefore + 12);
        assertThat(number(tab.locator("#written"))).isEqualTo(expectedWritten);
        assertThat(cellCount(tab, "T1110")).isEqualTo(bruteForceBefore + 12);

        tab.locator(".cell[data-technique='T1110']").first().click();
        tab.waitForSelector("#detail h2[data-detail='T1110']");
        assertThat(tab.locator("#detail-fired").textContent()).contains("Failed logon (seed rule)");
        assertThat(tab.locator("#detail-events").textContent()).isNotEqualTo("0");

        // a regression event's sub-technique: open its parent, select it, see the SigmaHQ rule that fired
        JsonNode expect = events.expectations.values().stream()
                .filter(e -> e.get("rule_title").asText().equals("Deleted Data Overwritten Via Cipher.EXE")).findFirst()
                .orElseThrow();
        String technique = expect.get("techniques").get(0).asText().toUpperCase();
        String parent = technique.contains(".") ? technique.substring(0, technique.indexOf('.')) : technique;
        if (!parent.equals(technique)) {
            tab.locator("[data-toggle='" + parent + "']").first().click();
        }
        tab.locator(".cell[data-technique='" + technique + "']").first().click();
        tab.waitForSelector("#detail h2[data-detail='" + technique + "']");
        tab.waitForSelector("#detail-fired");
        assertThat(tab.locator("#detail-fired").textContent()).contains(expect.get("rule_title").asText());

        assertThat(tab.locator("#recent tbody tr").count()).isEqualTo(LastEvents.RECENT);
        assertThat(tab.locator("#csv-path").textContent()).isEqualTo(ViewProfile.CSV.toString());
        assertThat(tab.locator("#generator").isHidden()).as("no generator switch outside dev mode").isTrue();
        Files.createDirectories(SCREENSHOT.getParent());
        tab.evaluate("() => window.scrollTo(0, 0)");
        tab.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOT));
        tab.screenshot(new Page.ScreenshotOptions().setPath(FULL_PAGE).setFullPage(true));
        assertThat(Files.size(SCREENSHOT)).isGreaterThan(50_000);
        assertThat(errors).as("script errors on the page").isEmpty();
    }
}
