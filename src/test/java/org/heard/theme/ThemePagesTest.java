package org.heard.theme;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.heard.response.Channel;
import org.heard.response.ResponseService;
import org.heard.response.Submission;
import org.heard.staff.StaffAccounts;
import org.heard.testing.StaffTestData;
import org.heard.testing.Surveys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff pages for themes: coding with suggestions, and discovery with one button to add a theme. */
@Tag("db")
@MicronautTest(transactional = false)
@Property(name = "micronaut.http.client.follow-redirects", value = "false")
class ThemePagesTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    StaffAccounts accounts;
    @Inject
    ResponseService responses;
    @Inject
    Codebooks codebooks;

    StaffTestData.Login analyst;
    String marker;

    @BeforeEach
    void signIn() {
        analyst = StaffTestData.create(accounts, "ANALYST");
        marker = "pg" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    private HttpResponse<String> page(String path) {
        return http.toBlocking().exchange(analyst.sign(HttpRequest.GET(path)).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    private HttpResponse<String> post(String path, String form, Cookie cookie) {
        return http.toBlocking().exchange(analyst.sign(HttpRequest.POST(path, form)).contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .cookie(cookie).accept(MediaType.TEXT_HTML_TYPE), String.class);
    }

    private static String csrf(HttpResponse<String> page) {
        var m = Pattern.compile("name=\"csrf\" value=\"([0-9a-f]+)\"").matcher(page.body());
        assertTrue(m.find());
        return m.group(1);
    }

    private void submit(String text) {
        responses.submit(new Submission(Surveys.YOUNG, Channel.API, Map.of("feel-safe", List.of("yes"), "anything-else", List.of(text)), null, null));
    }

    @Test
    void aSuggestionIsConfirmedWithOneButtonAndTheAnswerLeavesTheQueue() {
        submit("<b>" + marker + "</b> I waited ages on the waiting list");
        HttpResponse<String> queue = page("/staff/themes/test-worries?q=" + marker);
        assertTrue(queue.body().contains("&lt;b&gt;" + marker + "&lt;/b&gt;"), "the answer is shown as text");
        assertTrue(queue.body().contains("Heard suggests Waiting for help (its words match)"));
        assertTrue(queue.body().contains("Young voices · Children and young people"), "where the answer came from, in words");
        Cookie cookie = queue.getCookie("heard_csrf").orElseThrow();
        var m = Pattern.compile("name=\"responseId\" value=\"([0-9]+)\"").matcher(queue.body());
        assertTrue(m.find());

        var expired = assertThrows(HttpClientResponseException.class, () -> post("/staff/themes/test-worries/code",
                "csrf=" + "0".repeat(64) + "&responseId=" + m.group(1) + "&questionId=anything-else&theme=Waiting+for+help&verdict=applied", cookie));
        assertEquals(HttpStatus.BAD_REQUEST, expired.getStatus());

        HttpResponse<String> done = post("/staff/themes/test-worries/code", "csrf=" + csrf(queue) + "&q=" + marker + "&responseId=" + m.group(1)
                + "&questionId=anything-else&theme=Waiting+for+help&verdict=applied", cookie);
        assertEquals(HttpStatus.SEE_OTHER, done.getStatus());
        assertEquals("/staff/themes/test-worries?q=" + marker, done.header("Location"));
        HttpResponse<String> after = page("/staff/themes/test-worries?q=" + marker);
        assertTrue(after.body().contains("Every answer here has a theme."));
        assertTrue(after.body().contains("&lt;b&gt;" + marker), "the coded answer is listed with a button to remove its theme");

        HttpResponse<String> removed = post("/staff/themes/test-worries/code", "csrf=" + csrf(queue) + "&q=" + marker + "&responseId=" + m.group(1)
                + "&questionId=anything-else&theme=Waiting+for+help&verdict=removed", cookie);
        assertEquals(HttpStatus.SEE_OTHER, removed.getStatus());
        assertTrue(page("/staff/themes/test-worries?q=" + marker).body().contains("Heard suggests Waiting for help"),
                "with its theme removed the answer is waiting to be coded again");
    }

    @Test
    void aDiscoveredThemeIsAddedToACodebookWithOneButton() {
        for (int i = 0; i < 12; i++) {
            submit(marker + " the skate park lights are broken " + i);
            submit(marker + " our school nurse is lovely and kind " + i);
        }
        String name = "pages-" + UUID.randomUUID().toString().substring(0, 8);
        codebooks.save(new Codebook(name, "Pages test", "", 0.5, List.of()), null);
        HttpResponse<String> found = page("/staff/themes/discover?q=" + marker);
        assertTrue(found.body().contains("24 answers"), found.body());
        assertTrue(found.body().contains("Add to codebook"));
        assertTrue(found.body().contains("Children and young people 100%"), "each group's audiences by name");
        var label = Pattern.compile("name=\"name\" type=\"text\" value=\"([^\"]+)\"").matcher(found.body());
        assertTrue(label.find());
        var query = Pattern.compile("name=\"query\" value=\"([^\"]+)\"").matcher(found.body());
        assertTrue(query.find());
        String form = "csrf=" + csrf(found) + "&codebook=" + name + "&name=" + enc(label.group(1)) + "&description=Found&query="
                + enc(query.group(1).replace("&quot;", "\""));
        HttpResponse<String> added = post("/staff/themes/promote", form, found.getCookie("heard_csrf").orElseThrow());
        assertEquals(HttpStatus.SEE_OTHER, added.getStatus());
        Codebook saved = codebooks.find(name).orElseThrow().codebook();
        assertEquals(1, saved.themes().size());
        assertFalse(saved.themes().getFirst().query().isBlank());
    }

    @Test
    void staffEditACodebookAndSeeEachProblemWithItsLine() {
        String name = "edit-" + UUID.randomUUID().toString().substring(0, 8);
        codebooks.save(new Codebook(name, "Edit test", "", 0.5, List.of(new Codebook.Theme("Old", "", null, null))), null);
        HttpResponse<String> form = page("/staff/themes/" + name + "/edit");
        assertTrue(form.body().contains("name: " + name));
        Cookie cookie = form.getCookie("heard_csrf").orElseThrow();

        var bad = assertThrows(HttpClientResponseException.class, () -> post("/staff/themes/" + name + "/edit", "csrf=" + csrf(form)
                + "&yaml=" + enc("name: " + name + "\nthemes:\n  - name: A\n    query: '\"open'\n  - name: a\n"), cookie));
        assertEquals(HttpStatus.BAD_REQUEST, bad.getStatus());
        String errors = bad.getResponse().getBody(String.class).orElseThrow();
        assertTrue(errors.contains("There is a problem"), errors);
        assertTrue(errors.contains("Line 5, theme &#39;a&#39;: the theme name is used twice"), errors);
        assertEquals("Old", codebooks.find(name).orElseThrow().codebook().themes().getFirst().name(), "nothing is saved");

        HttpResponse<String> saved = post("/staff/themes/" + name + "/edit", "csrf=" + csrf(form) + "&yaml="
                + enc("name: " + name + "\ntitle: Edited\nthemes:\n  - name: New\n    description: Fresh\n    query: bus*\n"), cookie);
        assertEquals(HttpStatus.SEE_OTHER, saved.getStatus());
        Codebook now = codebooks.find(name).orElseThrow().codebook();
        assertEquals("Edited", now.title());
        assertEquals(List.of(new Codebook.Theme("New", "Fresh", null, "bus*")), now.themes());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
