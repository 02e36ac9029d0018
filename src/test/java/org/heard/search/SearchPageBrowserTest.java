package org.heard.search;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
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
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member of staff signs in, searches, narrows by a facet, pages on and opens a response, in headless Chromium. */
@Tag("db")
@MicronautTest(transactional = false)
@ExtendWith(Browser.PerTest.class)
class SearchPageBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;

    /** Opened for each test by {@link Browser.PerTest}. */
    WebDriver browser;


    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    private void signIn() {
        Browser.signIn(browser, url(""), StaffTestData.create(accounts, "ANALYST"));
    }

    private String total() {
        return browser.findElement(By.id("total")).getText();
    }

    private List<WebElement> hits() {
        return browser.findElements(By.className("govuk-summary-card"));
    }

    @Test
    void searchesNarrowsByAFacetPagesOnAndOpensTheWholeResponse() {
        String w = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        for (int i = 0; i < 21; i++) {
            responses.submit(new Submission(Surveys.YOUNG, Channel.WEB, Map.of("feel-safe", List.of("yes"),
                    "anything-else", List.of("the bus to school is late again " + w + " <b>" + i + "</b>")), null, null));
        }
        for (int i = 0; i < 3; i++) {
            responses.submit(new Submission(Surveys.STAFF, Channel.API, Map.of("agency", List.of("police"), "supervision", List.of("4"),
                    "comments", List.of("young people say the bus never comes " + w)), null, null));
        }
        signIn();

        browser.get(url("/staff/search"));
        browser.findElement(By.id("q")).sendKeys(w);
        Browser.click(browser, By.cssSelector("form[action='/staff/search'] button[type=submit]"));
        assertEquals("24 answers", total());
        assertEquals(20, hits().size(), "twenty to a page");
        for (WebElement hit : hits()) {
            assertEquals(w, hit.findElement(By.tagName("mark")).getText(), "the word searched for is highlighted");
        }
        assertTrue(browser.getPageSource().contains("&lt;b&gt;"), "what people typed is shown as text, not markup");
        assertTrue(browser.findElements(By.cssSelector(".govuk-summary-card b")).isEmpty());

        // Facet counts narrow the search to one audience.
        Browser.click(browser, By.linkText("Frontline staff (3)"));
        assertEquals("3 answers", total());
        assertEquals(w, browser.findElement(By.id("q")).getAttribute("value"), "the words stay in the box");
        assertFalse(browser.getPageSource().contains("Children and young people ("), "only the staff's answers are counted now");
        assertFalse(browser.findElements(By.linkText("Staff safeguarding check (3)")).isEmpty(), "facets name surveys by their titles");
        assertTrue(hits().getFirst().getText().contains("Staff safeguarding check · api · "), hits().getFirst().getText());

        // What the search is narrowed to is shown, and can be removed again.
        assertTrue(browser.findElement(By.id("chosen")).getText().contains("Who: Frontline staff"), browser.findElement(By.id("chosen")).getText());
        Browser.click(browser, By.partialLinkText("Remove"));
        assertEquals("24 answers", total());
        assertTrue(browser.findElements(By.id("chosen")).isEmpty());
        assertEquals(w, browser.findElement(By.id("q")).getAttribute("value"));

        // Paging through the unnarrowed search.
        assertEquals("Page 1 of 2", browser.findElement(By.cssSelector(".govuk-pagination span")).getText());
        Browser.click(browser, By.linkText("Next"));
        assertEquals("Page 2 of 2", browser.findElement(By.cssSelector(".govuk-pagination span")).getText());
        assertEquals(4, hits().size());
        assertEquals("24 answers", total());

        // Each hit links to its whole response.
        String snippet = hits().getFirst().findElement(By.tagName("p")).getText();
        Browser.click(browser, By.partialLinkText("Full response"));
        assertTrue(browser.getCurrentUrl().matches(".*/staff/responses/\\d+"), browser.getCurrentUrl());
        assertTrue(browser.findElement(By.tagName("main")).getText().contains(snippet.strip()), "the response holds the snippet's words");
    }

    @Test
    void aSearchThatCannotBeReadIsExplainedAtTheTopAndBesideTheBox() {
        signIn();

        browser.get(url("/staff/search"));
        browser.findElement(By.id("q")).sendKeys("\"waiting list AND");
        Browser.click(browser, By.cssSelector("form[action='/staff/search'] button[type=submit]"));
        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertTrue(summary.getText().contains("Check quotes and brackets are closed"), summary.getText());
        assertEquals("#q", summary.findElement(By.tagName("a")).getDomAttribute("href"), "the summary leads to the box");
        assertTrue(browser.findElement(By.id("q-error")).getText().contains("Check quotes and brackets are closed"));
        assertEquals("\"waiting list AND", browser.findElement(By.id("q")).getAttribute("value"), "what was typed is kept to correct");
        assertTrue(browser.findElements(By.id("total")).isEmpty(), "no results are shown for a search that could not be read");
    }
}
