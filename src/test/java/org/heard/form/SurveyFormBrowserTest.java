package org.heard.form;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.ResponseService;
import org.heard.response.StoredResponse;
import org.heard.testing.Browser;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person fills in a survey in headless Chromium: an error, a correction, a second page, a receipt. */
@Tag("db")
@MicronautTest(transactional = false)
@ExtendWith(Browser.PerTest.class)
class SurveyFormBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    ResponseService responses;

    /** Opened for each test by {@link Browser.PerTest}. */
    WebDriver browser;


        private void submit() {
        Browser.submit(browser);
    }

    private String url(String path) {
        return "http://localhost:" + server.getPort() + path;
    }

    @Test
    void fillsInTheSurveyFixesErrorsAndGetsAReceipt() {
        browser.get(url("/"));
        browser.findElement(By.linkText("Every kind of question")).click();
        assertEquals("Every kind of question", browser.findElement(By.tagName("h1")).getText());

        // Page one, sent without the required colour: the error summary links to the field.
        browser.findElement(By.cssSelector("input[name=pets][value=dog]")).click();
        submit();
        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertTrue(summary.getText().contains("Which colour do you like best?: Select an answer"), summary.getText());
        assertEquals("#colour", summary.findElement(By.tagName("a")).getDomAttribute("href"));
        assertTrue(browser.findElement(By.cssSelector("input[name=pets][value=dog]")).isSelected(), "answers are kept");
        assertTrue(browser.getTitle().startsWith("Error: "));

        browser.findElement(By.cssSelector("input[name=colour][value=blue]")).click();
        submit();

        // Page two: the "show if" question appears because a dog was chosen.
        String story = "<script>alert('x')</script> " + Surveys.unique("browser");
        browser.findElement(By.id("dog-name")).sendKeys("Rex");
        browser.findElement(By.cssSelector("input[name=happy][value='4']")).click();
        browser.findElement(By.id("story")).sendKeys(story);
        browser.findElement(By.id("age")).sendKeys("twelve");
        browser.findElement(By.id("when-day")).sendKeys("3");
        browser.findElement(By.id("when-month")).sendKeys("2");
        browser.findElement(By.id("when-year")).sendKeys("2026");
        submit();
        assertTrue(browser.findElement(By.className("govuk-error-summary")).getText().contains("Enter a number, like 12"));
        assertEquals(story, browser.findElement(By.id("story")).getDomProperty("value"), "text is kept, as text");

        browser.findElement(By.id("age")).clear();
        browser.findElement(By.id("age")).sendKeys("12");
        browser.findElement(By.cssSelector("input[name=agency][value=police]")).click();
        submit();

        String receipt = browser.findElement(By.id("receipt")).getText();
        assertTrue(receipt.matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}"), receipt);
        StoredResponse stored = responses.findByReceipt(receipt).orElseThrow();
        assertEquals(List.of(story), stored.answers().get("story"));
        assertEquals(List.of("Rex"), stored.answers().get("dog-name"));
        assertEquals(List.of("2026-02-03"), stored.answers().get("when"));
        assertEquals("police", stored.agency());

        // With the receipt code the person can see their answers, shown as text, and delete them.
        browser.findElement(By.linkText("See or delete your answers")).click();
        browser.findElement(By.id("receipt")).sendKeys(receipt.toLowerCase());
        submit();
        WebElement answers = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("dl.govuk-summary-list")));
        assertTrue(answers.getText().contains(story), "the script is shown as text");
        Browser.click(browser, By.cssSelector("button.govuk-button--warning"));
        assertEquals("Your answers are deleted", browser.findElement(By.tagName("h1")).getText());
        assertTrue(responses.find(stored.id()).isEmpty());
    }

    @Test
    void youngPeopleAreToldUpFrontThatWeMayNeedToTellSomeone() {
        browser.get(url("/s/" + Surveys.YOUNG));
        String page = browser.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("If you tell us someone is hurting you, we may need to tell someone who can help"));
        browser.findElement(By.cssSelector("input[name=feel-safe][value=yes]")).click();
        submit();
        // "no" would have shown the follow-up; "yes" goes straight on to the last page.
        assertFalse(browser.getPageSource().contains("What makes you feel unsafe?"));
        submit();
        assertEquals("Thank you for telling us!", browser.findElement(By.tagName("h1")).getText());
    }

    @Test
    void aPossibleDisclosureIsSignpostedOnTheThankYouPage() {
        browser.get(url("/s/" + Surveys.YOUNG));
        browser.findElement(By.cssSelector("input[name=feel-safe][value=no]")).click();
        submit();
        browser.findElement(By.id("why-not")).sendKeys("my step dad hit's me when mum is out");
        submit();
        String page = new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.id("receipt"))).findElement(By.xpath("/html/body")).getText();
        assertTrue(page.contains("Thank you for telling us. It sounds like things might be hard for you."), page);
        assertTrue(page.contains("we may need to tell someone whose job is to help"), page);
    }

    @Test
    void unknownAndClosedSurveysGetFriendlyPages() {
        browser.get(url("/s/no-such-survey"));
        assertEquals("We cannot find that survey", browser.findElement(By.tagName("h1")).getText());
        browser.get(url("/s/" + Surveys.CLOSED));
        assertEquals("This survey has closed", browser.findElement(By.tagName("h1")).getText());
    }
}
