package org.heard.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Headless Chromium driven through Selenium, using the machine's own browser and driver (nothing is
 * downloaded). Skipped only when they are missing and CI has not asked for them.
 */
public final class Browser {
    private static final String CHROMIUM = System.getProperty("heard.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("heard.test.chromedriver", "/usr/bin/chromedriver");

    private Browser() {
    }

    /**
     * With {@code @ExtendWith(Browser.PerTest.class)}, each test finds a fresh browser in its
     * {@code WebDriver} field, closed again when the test ends.
     */
    public static final class PerTest implements BeforeEachCallback, AfterEachCallback {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerTest.class);

        @Override
        public void beforeEach(ExtensionContext context) throws Exception {
            Object test = context.getRequiredTestInstance();
            java.lang.reflect.Field field = java.util.Arrays.stream(test.getClass().getDeclaredFields())
                    .filter(f -> f.getType() == WebDriver.class).findFirst()
                    .orElseThrow(() -> new IllegalStateException(test.getClass().getSimpleName() + " has no WebDriver field"));
            ChromeDriver driver = start();
            context.getStore(NAMESPACE).put(WebDriver.class, driver);
            field.setAccessible(true);
            field.set(test, driver);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            WebDriver driver = context.getStore(NAMESPACE).remove(WebDriver.class, WebDriver.class);
            if (driver != null) {
                driver.quit();
            }
        }
    }

    public static ChromeDriver start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("HEARD_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Chromium and chromedriver are required but missing");
        }
        Assumptions.assumeTrue(present, "Chromium and chromedriver are not installed");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=420,900", "--user-data-dir=" + Files.createTempDirectory("heard-chromium"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Signs in through the staff sign-in page of the service at {@code base} (for example http://localhost:8080). */
    public static void signIn(WebDriver browser, String base, StaffTestData.Login login) {
        browser.get(base + "/login");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(login.username());
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(login.password());
        click(browser, org.openqa.selenium.By.cssSelector("form[action='/login'] button[type=submit]"));
    }

    /** Sends the form and waits for the next page, so no check ever reads the page being left. */
    public static void submit(org.openqa.selenium.WebDriver browser) {
        click(browser, org.openqa.selenium.By.cssSelector("button[type=submit]"));
    }

    /** Clicks what leads to another page and waits for it. */
    public static void click(org.openqa.selenium.WebDriver browser, org.openqa.selenium.By what) {
        org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
        browser.findElement(what).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15)).until(b -> left(page));
    }

    /**
     * Whether the browser has left the page. While it is leaving, Chromium may answer a question about the
     * old page with "Node with given id does not belong to the document" instead of calling it stale; that
     * too means the page is gone.
     */
    private static boolean left(org.openqa.selenium.WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }
}
