package io.tandem.taskform;

import static io.tandem.support.TaskKeys.ENGINEERING_FRAMING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tandem.graphql.GlobalId;
import io.tandem.support.BetDriver;
import io.tandem.support.Browsers;
import io.tandem.support.SecondInstances;
import io.tandem.support.WebAppSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.TaskService;

/**
 * Tasklist as a person uses it, in headless Chromium: product and engineering sign in, find the framing sign-off of a
 * bet by its title, read the bet in the form and sign it there; the same person signing the other side sees the rule's
 * refusal in the form, and the bet moves on in GraphQL once a second person signs.
 */
class TasklistBrowserTest {

    /** A Tandem of its own, so that its Tasklist holds what one team's would, not every test's bets. */
    @RegisterExtension
    static final SecondInstances tandem = SecondInstances.onAFreshDatabase("tasklist");
    private static final BetDriver driver = tandem.driver();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeEach
    void webAppsFindThisEngine() {
        WebAppSession.registerForTheWebApps(tandem.bean(ProcessEngine.class));
    }

    @Test
    void productAndEngineeringSignTheFramingGateThroughTheFormAndTheSamePersonIsRefusedTheOtherSide() {
        driver.framingGateOpen("title", "One-page checkout");
        driver.framingGateOpen("title", "Saved carts");
        String title = "Faster checkout";
        String bet = driver.createBet("priya", "title", title);
        driver.completeFramingWork(bet);
        String key = (String) driver.state(bet).get("key");

        ChromeDriver sam = signedIn("sam");
        open(sam, "Sign framing gate (product) — " + key + " " + title);
        assertThat(text(sam, "tandem-bet-title")).isEqualTo(key + " — " + title);
        assertThat(text(sam, "tandem-sections")).contains("Checkout abandons at the payment step")
                .contains("checkout conversion").contains("to 3 %");
        Browsers.screenshot(sam, "tasklist-framing-form");
        click(sam, By.id("tandem-answer-approve"));
        complete(sam);
        await().atMost(Browsers.SHOWS).until(() -> driver.waitingOn(bet).equals(List.of(ENGINEERING_FRAMING)));

        open(sam, "Sign framing gate (engineering) — " + key + " " + title);
        click(sam, By.id("tandem-answer-approve"));
        complete(sam);
        WebElement refusal = new WebDriverWait(sam, Browsers.SHOWS)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("tandem-refusal")));
        assertThat(refusal.getText()).contains("SAME_PERSON").contains("Sam Rivera already signed the product side")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(driver.waitingOn(bet)).containsExactly(ENGINEERING_FRAMING);
        click(sam, By.cssSelector("button.unclaim"));
        await().atMost(Browsers.SHOWS).until(() -> holder(bet, ENGINEERING_FRAMING) == null);

        ChromeDriver erin = signedIn("erin");
        open(erin, "Sign framing gate (engineering) — " + key + " " + title);
        click(erin, By.id("tandem-answer-changes"));
        complete(erin);
        assertThat(new WebDriverWait(erin, Browsers.SHOWS).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("tandem-refusal"))).getText()).contains("needs a reason");
        click(erin, By.id("tandem-answer-approve"));
        complete(erin);

        await().atMost(Browsers.SHOWS).until(() -> !driver.stage(bet).equals("FRAMING"));
        assertThat(driver.stage(bet)).isEqualTo("COMMITMENT");
        assertThat(driver.decisionKinds(bet)).contains("FRAMING_APPROVED");
    }

    /** Tasklist's login page, as the demo users sign in (password = user id). */
    private ChromeDriver signedIn(String user) {
        ChromeDriver browser = browsers.open();
        browser.get("http://localhost:" + tandem.port() + "/camunda/app/tasklist/tasklist/#/login");
        WebDriverWait wait = new WebDriverWait(browser, Browsers.SHOWS);
        By username = By.cssSelector("input[ng-model='username']");
        By password = By.cssSelector("input[type='password']");
        // the login page may still be rendering (and moving the focus) while a person types: type until both fields hold it
        wait.until(page -> {
            for (By field : List.of(username, password)) {
                WebElement input = page.findElement(field);
                input.clear();
                input.click();
                input.sendKeys(user);
            }
            return user.equals(page.findElement(username).getDomProperty("value"))
                    && user.equals(page.findElement(password).getDomProperty("value"));
        });
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[type='password']")));
        return browser;
    }

    /** Finds the task in the default filter's list by its name, opens it, claims it and waits for the bet in the form. */
    private static void open(ChromeDriver browser, String taskName) {
        WebDriverWait wait = new WebDriverWait(browser, Browsers.SHOWS);
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class,'tasks-list')]//a[normalize-space(.)="
                + literal(taskName) + "]"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Claim'] | //a[normalize-space(.)='Claim']")))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tandem-bet-title")));
    }

    private static void complete(ChromeDriver browser) {
        click(browser, By.xpath("//button[normalize-space(.)='Complete']"));
    }

    /**
     * Scrolls the element to the middle of the task's pane first (Tasklist's footer covers the pane's last lines), and
     * clicks again while the pane is still moving under the pointer, as a person would.
     */
    private static void click(ChromeDriver browser, By what) {
        new WebDriverWait(browser, Browsers.SHOWS).ignoring(ElementClickInterceptedException.class).until(page -> {
            WebElement element = ExpectedConditions.elementToBeClickable(what).apply(page);
            if (element == null) {
                return false;
            }
            browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            element.click();
            return true;
        });
    }

    private static String text(ChromeDriver browser, String id) {
        return new WebDriverWait(browser, Browsers.SHOWS).until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    private static String holder(String bet, String step) {
        return tandem.bean(TaskService.class).createTaskQuery()
                .processInstanceBusinessKey(GlobalId.require("Bet", bet, "betId").toString()).taskDefinitionKey(step)
                .singleResult().getAssignee();
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "") + "'";
    }
}
