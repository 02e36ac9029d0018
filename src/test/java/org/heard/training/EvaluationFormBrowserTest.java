package org.heard.training;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.testing.Browser;
import org.heard.testing.MovableClock;
import org.heard.testing.TestSql;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An attendee scans the room's code and fills in the on-the-day evaluation in headless Chromium. */
@Tag("db")
@MicronautTest(transactional = false)
@ExtendWith(Browser.PerTest.class)
@Property(name = "heard.test.clock", value = "movable")
@Property(name = "heard.training.check-every", value = "1h")
class EvaluationFormBrowserTest {
    @Inject
    EmbeddedServer server;
    @Inject
    Courses courses;
    @Inject
    MovableClock clock;
    @Inject
    TestSql sql;

    /** Opened for each test by {@link Browser.PerTest}. */
    WebDriver browser;


    private void submit() {
        Browser.submit(browser);
    }

    private void choose(String question, String value) {
        browser.findElement(By.cssSelector("input[name='" + question + "'][value='" + value + "']")).click();
    }

    @Test
    void evaluatesTheSessionAndAsksToBeFollowedUpWithAnAddressKeptApartFromTheAnswers() {
        LocalDate day = TrainingTestData.aSessionDate();
        TrainingSession session = TrainingTestData.aSession(courses, TrainingTestData.aCourse(courses), day);
        clock.set(day.atTime(16, 0).toInstant(ZoneOffset.UTC));

        browser.get("http://localhost:" + server.getPort() + "/training/" + session.code());
        assertEquals("Training evaluation – on the day", browser.findElement(By.tagName("h1")).getText());
        assertTrue(browser.findElement(By.className("govuk-inset-text")).getText().contains("First learning outcome: Spot the signs of neglect"));
        choose("agency", "health");
        choose("overall", "5");
        choose("outcome-1", "4");
        choose("knowledge-before", "2");
        choose("knowledge-after", "4");
        choose("confidence", "4");
        browser.findElement(By.id("do-differently")).sendKeys("Ask to see where the child sleeps");
        browser.findElement(By.id("link-email")).sendKeys("not an address");
        submit();

        WebElement summary = browser.findElement(By.className("govuk-error-summary"));
        assertTrue(summary.getText().contains("Enter an email address like name@example.org, or leave it blank"), summary.getText());
        assertEquals("#link-email", summary.findElement(By.tagName("a")).getDomAttribute("href"));
        assertTrue(browser.findElement(By.cssSelector("input[name=overall][value='5']")).isSelected(), "answers are kept");
        assertEquals(0, sql.number("SELECT COUNT(*) FROM training_evaluation WHERE session_id = ?", session.id()), "nothing stored yet");

        String email = TrainingTestData.unique("browser");
        browser.findElement(By.id("link-email")).clear();
        browser.findElement(By.id("link-email")).sendKeys(email);
        submit();

        assertTrue(browser.findElement(By.tagName("h1")).getText().toLowerCase().contains("thank"), browser.getPageSource());
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_evaluation WHERE session_id = ? AND stage = 'day'", session.id()));
        assertEquals(1, sql.number("SELECT COUNT(*) FROM training_invitation WHERE session_id = ? AND email = ?", session.id(), email));
        assertEquals(0, sql.number("SELECT COUNT(*) FROM answer WHERE value_text = ?", email), "the address is not an answer");
    }
}
