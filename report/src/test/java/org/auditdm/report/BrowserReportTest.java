package org.auditdm.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in real headless Chromium (Debian's, installed by .ci/run) and checks what a
 * reader would see: no errors, every image decoded, a malicious model answer shown as text and never run.
 */
class BrowserReportTest {

    @Test
    void reportLoadsCleanlyAndShowsMaliciousAnswersAsText(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Chromium.DEBIAN),
                "chromium is not installed at " + Chromium.DEBIAN + " (apt-get install -y chromium); skipping the browser test");
        Path run = FixtureRun.write(tmp.resolve("run"));
        AuditReport.Written written = AuditReport.writeInto(run);

        try (DevToolsBrowser browser = DevToolsBrowser.start(new Chromium(Chromium.DEBIAN))) {
            browser.load(written.html().toUri());
            // Give any injected handler (onerror of a broken image) a chance to fire before looking.
            browser.evaluate("new Promise(r => setTimeout(r, 300))");

            JsonNode images = browser.evaluate(
                    "Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)");
            assertThat(images.size()).as("images in the report").isEqualTo(6);
            images.forEach(ok -> assertThat(ok.asBoolean()).as("image decoded").isTrue());
            assertThat(browser.evaluate("Array.from(document.images).every(i => i.naturalWidth === 64)").asBoolean())
                    .as("64 px PNGs").isTrue();

            assertThat(browser.evaluate("document.body.innerText.includes(" + jsString(FixtureRun.MALICIOUS) + ")")
                    .asBoolean()).as("malicious answer shown as text").isTrue();
            assertThat(browser.evaluate("typeof window.__pwned").asText()).isEqualTo("undefined");
            assertThat(browser.evaluate("document.scripts.length").asInt()).isZero();
            assertThat(browser.evaluate("document.querySelectorAll('svg').length").asInt()).isEqualTo(3);
            assertThat(browser.evaluate("document.title").asText()).isEqualTo("auditdm report: fixture-run");
            assertThat(browser.errors()).as("console errors").isEmpty();
        }
    }

    @Test
    void screenshotIsAPngOfTheRequestedWindow(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Chromium.DEBIAN),
                "chromium is not installed at " + Chromium.DEBIAN + " (apt-get install -y chromium); skipping the screenshot test");
        AuditReport.Written written = AuditReport.writeInto(FixtureRun.write(tmp.resolve("run")));
        Path png = tmp.resolve("shots/report.png");
        new Chromium(Chromium.DEBIAN).screenshot(written.html(), png, 640, 480);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(480);
        // Not blank: the page's heading and summary are drawn in dark ink on white.
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xff) < 100) {
                    dark++;
                }
            }
        }
        assertThat(dark).isGreaterThan(500);
    }

    /** A JavaScript string literal (JSON string syntax is valid JavaScript). */
    private static String jsString(String s) throws Exception {
        return ReportJson.mapper().writeValueAsString(s);
    }
}
