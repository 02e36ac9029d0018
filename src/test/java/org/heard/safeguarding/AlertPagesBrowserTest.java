package org.heard.safeguarding;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.SubmitOutcome;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.Browser;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A designated safeguarding lead opens an alert, acknowledges it and closes it with what was done, in headless Chromium. */
@Tag("db")
@MicronautTest(transactional = false)
@ExtendWith(Browser.PerTest.class)
class AlertPagesBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;
    @Inject
    Alerts alerts;

    /** Opened for each test by {@link Browser.PerTest}. */
    WebDriver browser;

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private String heading() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    @Test
    void aLeadAcknowledgesAnAlertAndCannotCloseItWithoutSayingWhatWasDone() {
        String key = Surveys.unique("lead");
        var stored = (SubmitOutcome.Stored) responses.submit(new Submission(Surveys.YOUNG, Channel.WEB, Map.of("feel-safe", List.of("no"),
                "why-not", List.of("my step dad hits me when mum is at work " + key)), null, null));
        long alertId = alerts.list(null).stream().filter(a -> Long.valueOf(stored.id()).equals(a.responseId())).findFirst().orElseThrow().id();

        var lead = StaffTestData.create(accounts, "SAFEGUARDING_LEAD");
        Browser.signIn(browser, url(""), lead);

        browser.get(url("/staff/safeguarding"));
        String row = browser.findElement(By.xpath("//a[text()='" + alertId + "']/ancestor::tr")).getText();
        assertTrue(row.contains("Physical abuse"), "categories by name: " + row);
        assertTrue(row.contains("Young voices"), "the survey by its title: " + row);
        Browser.click(browser, By.linkText(String.valueOf(alertId)));

        assertEquals("Alert " + alertId + " (open)", heading());
        assertTrue(browser.findElement(By.className("govuk-caption-l")).getText().contains("Physical abuse"));
        assertTrue(browser.findElement(By.className("govuk-inset-text")).getText().contains("my step dad hits me when mum is at work"));
        assertTrue(browser.findElement(By.linkText("Response " + stored.id())).getDomAttribute("href").endsWith("/staff/responses/" + stored.id()));
        // A page left open too long: pressing Acknowledge says nothing was saved, rather than seeming to work.
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('input[name=csrf]').forEach(function (i) { i.value = 'expired'; })");
        Browser.click(browser, By.xpath("//button[text()='Acknowledge']"));
        assertTrue(browser.findElement(By.className("govuk-error-summary")).getText().contains("nothing was saved"));
        assertEquals("Alert " + alertId + " (open)", heading());

        Browser.click(browser, By.xpath("//button[text()='Acknowledge']"));
        assertEquals("Alert " + alertId + " (acknowledged)", heading());

        // Closing without an outcome closes nothing and says what to do; the note typed so far is kept.
        browser.findElement(By.id("note")).sendKeys("Rang the school's DSL");
        Browser.click(browser, By.xpath("//button[text()='Close the alert']"));
        assertTrue(browser.findElement(By.className("govuk-error-summary")).getText().contains("Choose what was done before you close the alert"));
        assertEquals("#outcome-1", browser.findElement(By.cssSelector(".govuk-error-summary a")).getDomAttribute("href"));
        assertEquals("Alert " + alertId + " (acknowledged)", heading());
        assertEquals("Rang the school's DSL", browser.findElement(By.id("note")).getDomProperty("value"));

        browser.findElement(By.cssSelector("label[for='outcome-1']")).click();
        Browser.click(browser, By.xpath("//button[text()='Close the alert']"));
        assertEquals("Alert " + alertId + " (closed)", heading());
        String history = browser.findElement(By.cssSelector("ul.govuk-list")).getText();
        assertTrue(history.contains("closed by " + lead.username() + ": Referred to the front door: Rang the school's DSL"), history);
    }
}
