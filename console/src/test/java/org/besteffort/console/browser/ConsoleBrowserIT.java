package org.besteffort.console.browser;

import org.besteffort.console.ConsoleApplication;
import org.besteffort.drills.DrillStack;
import org.besteffort.local.infra.FreePorts;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalStackLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser against a real stack of its own (broker, MariaDB, pay-service, account-service, the
 * notify gateway): what a trainee does on the page, and what the page must then show without a reload.
 */
class ConsoleBrowserIT {

    private static final Duration SHORT = Duration.ofSeconds(20);
    /** The statement job runs every 20 s in the drill stack: a lost message is found within about that. */
    private static final Duration RECONCILIATION = Duration.ofSeconds(90);
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path workDir;

    private static DrillStack stack;
    private static ConfigurableApplicationContext console;
    private static String consoleUrl;
    private static Browser browser;

    @BeforeAll
    static void startStackConsoleAndBrowser() {
        Browser.assumeInstalled();
        stack = new DrillStack(workDir, DrillStack.DEFAULT_DELAY_LEVELS, DrillStack.Faults.NONE).withNotifyGateway();
        stack.start();
        console = new SpringApplicationBuilder(ConsoleApplication.class).run(
                "--server.port=0", "--server.address=127.0.0.1",
                "--console.pay-service=" + stack.payUrl(), "--console.account-service=" + stack.accountUrl(),
                "--console.notify-gateway=" + stack.gatewayUrl(), "--console.notify-url=" + stack.notifyUrl(),
                "--console.scenarios=true", "--console.follow-every=200ms", "--console.refresh-every=1s");
        consoleUrl = "http://127.0.0.1:" + console.getEnvironment().getProperty("local.server.port") + "/";
        browser = Browser.open(SCREENSHOTS);
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (console != null) {
            console.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openTheConsole() {
        browser.open(consoleUrl);
        browser.await("the live feed to connect", SHORT,
                d -> browser.find("live-status").getText().equals("live"));
        browser.await("the accounts to show", SHORT,
                d -> !d.findElements(By.cssSelector("[data-test=accounts] [data-test=account]")).isEmpty());
        // Set once: a reload would lose it.
        browser.script("window.sameDocument = true;");
    }

    @AfterEach
    void thePagesLoggedNoError() {
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPayAppearsInItsTimelineAndTheBalanceChangesWithoutAReload() {
        BigDecimal before = balanceOf("2");

        String txNo = payFromThePage("2", "12.34", false);

        WebElement timeline = awaitTimeline(txNo, "credited", SHORT);
        assertThat(timeline.findElement(Browser.byTest("timeline-status")).getAttribute("textContent"))
                .isEqualTo("settled by message");
        // The three journals are read in turn: pay-service's announcement may show a tick after the credit.
        browser.await("the timeline of " + txNo + " to show its announcement", SHORT,
                d -> steps(timelineOf(txNo)).contains("ANNOUNCED"));
        assertThat(steps(timelineOf(txNo))).startsWith("RECORDED", "ANNOUNCED");
        browser.await("the balance of account 2 to grow by 12.34", SHORT,
                d -> balanceOf("2").compareTo(before.add(new BigDecimal("12.34"))) == 0);
        expand(timeline);
        assertTheConsoleWasNeverReloaded();
        browser.screenshot("console-pay-credited");
    }

    @Test
    void aMessageDroppedByAFaultSwitchSetOnThePageIsSettledByReconciliation() {
        WebElement drop = browser.await("pay-service's fault switches", SHORT,
                d -> d.findElement(Browser.byTest("fault-dropNextNotifications")));
        drop.clear();
        drop.sendKeys("1");
        browser.find("faults-set-pay-service").click();
        browser.await("the switch to be set", SHORT, d -> browser.find("faults-result").getText().equals("done"));
        assertThat(get(stack.payUrl() + "/ops/faults")).contains("\"dropNextNotifications\":1");

        String txNo = payFromThePage("3", "7.00", false);

        WebElement timeline = awaitTimeline(txNo, "credited", RECONCILIATION);
        assertThat(timeline.findElement(Browser.byTest("timeline-status")).getAttribute("textContent"))
                .startsWith("settled by reconciliation");
        assertThat(steps(timeline)).contains("DROPPED").doesNotContain("ANNOUNCED");
        expand(timeline);
        assertTheConsoleWasNeverReloaded();
        browser.screenshot("console-dropped-then-reconciled");
    }

    @Test
    void aReNotifyFromThePageIsDeliveredAgainAndCreditsNothingTwice() {
        BigDecimal before = balanceOf("4");
        String txNo = payFromThePage("4", "5.00", true);
        awaitTimeline(txNo, "credited", SHORT);
        By task = By.cssSelector("[data-test=tasks-SUCCEEDED] [data-test=task][data-tx-no=\"" + txNo + "\"]");
        browser.await("the gateway's task to succeed", SHORT, d -> !d.findElements(task).isEmpty());

        browser.driver().findElement(task).findElement(Browser.byTest("renotify")).click();

        browser.await("the re-notify to be accepted", SHORT,
                d -> browser.find("operator-result").getText().equals("done"));
        WebElement timeline = browser.await("a second HTTP attempt, after the operator's re-notify", SHORT, d -> {
            WebElement card = timelineOf(txNo);
            return steps(card).stream().filter("ATTEMPT"::equals).count() == 2 ? card : null;
        });
        assertThat(steps(timeline)).contains("RENOTIFIED");
        browser.await("the operator's action in the log", SHORT,
                d -> browser.find("actions").getText().toLowerCase().contains("renotify"));
        assertThat(balanceOf("4")).isEqualByComparingTo(before.add(new BigDecimal("5.00")));
        expand(timeline);
        assertTheConsoleWasNeverReloaded();
        browser.screenshot("console-renotified");
    }

    @Test
    void aScenarioRunsFromItsButtonAndTellsItsNarrationNextToTheTimeline() {
        browser.find("scenario-message").click();

        browser.await("the narration to start", SHORT,
                d -> browser.find("narration").getText().contains("=== message"));
        browser.await("the scenario's verdict", Duration.ofSeconds(60),
                d -> "as-expected".equals(browser.find("narration-panel").getAttribute("data-state")));
        assertThat(browser.find("narration").getText()).contains("Result:");
        Matcher started = Pattern.compile("POST /recharges \\S+ -> 202 \\S+, txNo (\\S+)")
                .matcher(browser.find("narration").getText());
        assertThat(started.find()).as("the narration names the recharge it started").isTrue();
        awaitTimeline(started.group(1), "credited", SHORT);
        browser.script("window.scrollTo(0, 0);");
        assertTheConsoleWasNeverReloaded();
        browser.screenshot("console-scenario");
    }

    @Test
    void theCheckoutComesBackPendingAndTurnsToSuccessByItselfWhenTheAsynchronousResultLands() {
        // Hold the asynchronous results back a few seconds, so that the order is seen pending first: the first message
        // delivery fails (redelivered 10 s later) and the notify URL answers 503 three times (the gateway tries again).
        post(stack.accountUrl() + "/ops/faults", "{\"failNextDeliveries\":1,\"failNextNotifies\":3}");
        try {
            BigDecimal before = balanceAtTheReceiver("5");
            browser.find("checkout-link").click();

            new Select(browser.await("the merchant's checkout page", SHORT, d -> browser.find("account")))
                    .selectByValue("5");
            WebElement amount = browser.find("amount");
            amount.clear();
            amount.sendKeys("66.60");
            browser.screenshot("checkout-1-merchant");
            browser.find("pay").click();

            WebElement cashierAmount = browser.await("the provider's cashier", SHORT,
                    d -> browser.find("cashier-amount"));
            assertThat(cashierAmount.getText()).contains("66.60");
            browser.screenshot("checkout-2-cashier");
            browser.find("cashier-pay").click();

            WebElement status = browser.await("the order page the cashier sends the payer back to", SHORT,
                    d -> browser.find("order-status"));
            assertThat(status.getText()).isEqualTo("pending");
            assertThat(browser.find("return-result").getText()).contains("SUCCESS").contains("not trusted");
            browser.script("window.sameDocument = true;");
            browser.screenshot("checkout-3-returned-pending");

            browser.await("the order to turn to success by itself", Duration.ofSeconds(60),
                    d -> browser.find("order-status").getText().equals("success"));
            assertThat(browser.find("order-settled-by").getText()).isNotBlank();
            assertThat(browser.script("return window.sameDocument === true;")).isEqualTo(true);
            browser.screenshot("checkout-4-success");
            assertThat(balanceAtTheReceiver("5"))
                    .isEqualByComparingTo(before.add(new BigDecimal("66.60")));
        } finally {
            post(stack.accountUrl() + "/ops/faults", "{\"failNextDeliveries\":0,\"failNextNotifies\":0}");
        }
    }

    @Test
    void aConsoleKilledMidWorkComesBackAndItsPageCatchesUpWithNothingLostOrCreditedTwice() {
        int port = FreePorts.any();
        JavaProcess first = startConsoleProcess(port, "first");
        JavaProcess second = null;
        try {
            browser.open("http://127.0.0.1:" + port + "/");
            browser.await("the live feed to connect", SHORT, d -> browser.find("live-status").getText().equals("live"));
            browser.script("window.sameDocument = true;");
            BigDecimal before = balanceAtTheReceiver("4");
            List<String> txNos = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                txNos.add(payAtPayService("4", "1.00"));
            }

            first.kill(); // SIGKILL, with pays in flight and a page listening
            for (int i = 0; i < 5; i++) {
                txNos.add(payAtPayService("4", "1.00"));
            }
            second = startConsoleProcess(port, "second");

            for (String txNo : txNos) {
                awaitTimeline(txNo, "credited", SHORT);
            }
            assertThat(balanceAtTheReceiver("4")).isEqualByComparingTo(before.add(new BigDecimal("10.00")));
            assertThat(browser.script("return window.sameDocument === true;")).as("the page reconnected by itself")
                    .isEqualTo(true);
            browser.open("about:blank"); // leave before the console stops, or its cut stream is one more error
            // The stream the kill cut, and the page's reconnects while the console was down: those, and only those.
            assertThat(browser.consoleErrors()).allSatisfy(error -> assertThat(error).contains("/live"));
        } finally {
            first.kill();
            if (second != null) {
                second.stop();
            }
        }
    }

    // ---- the trainee's steps ------------------------------------------------------------------------------------

    private static String payFromThePage(String accountNo, String amount, boolean notifyOverHttp) {
        new Select(browser.find("pay-account")).selectByValue(accountNo);
        WebElement amountInput = browser.find("pay-amount");
        amountInput.clear();
        amountInput.sendKeys(amount);
        WebElement notify = browser.find("pay-notify");
        if (notify.isSelected() != notifyOverHttp) {
            notify.click();
        }
        browser.find("pay-button").click();
        String paid = browser.await("the pay to be accepted", SHORT, d -> {
            String text = browser.find("pay-result").getText();
            return text.startsWith("paid: txNo ") ? text : null;
        });
        return paid.substring("paid: txNo ".length());
    }

    private static WebElement awaitTimeline(String txNo, String status, Duration timeout) {
        return browser.await("the timeline of " + txNo + " to be " + status, timeout, d -> {
            List<WebElement> cards = d.findElements(timelineBy(txNo));
            return !cards.isEmpty() && status.equals(cards.get(0).getAttribute("data-status")) ? cards.get(0) : null;
        });
    }

    private static WebElement timelineOf(String txNo) {
        return browser.driver().findElement(timelineBy(txNo));
    }

    private static By timelineBy(String txNo) {
        return By.cssSelector("[data-test=timeline][data-tx-no=\"" + txNo + "\"]");
    }

    /** The steps of a timeline, read in one go: the page may redraw them between two reads. */
    @SuppressWarnings("unchecked")
    private static List<String> steps(WebElement timeline) {
        return (List<String>) browser.script("return Array.from(arguments[0].querySelectorAll('[data-test=step]'))"
                + ".map(step => step.dataset.step);", timeline);
    }

    private static void expand(WebElement timeline) {
        timeline.findElement(By.tagName("summary")).click();
    }

    private static BigDecimal balanceOf(String accountNo) {
        return new BigDecimal(browser.driver().findElement(By.cssSelector(
                "[data-test=account][data-account-no=\"" + accountNo + "\"] [data-test=balance]")).getText());
    }

    /** The console as the local stack runs it: its own JVM, from its jar. */
    private static JavaProcess startConsoleProcess(int port, String name) {
        JavaProcess console = JavaProcess.start(Path.of("target", "console.jar"), LocalStackLayout.SERVICE_JVM_ARGS,
                List.of("--server.port=" + port, "--server.address=127.0.0.1",
                        "--console.pay-service=" + stack.payUrl(), "--console.account-service=" + stack.accountUrl(),
                        "--console.notify-gateway=" + stack.gatewayUrl(), "--console.notify-url=" + stack.notifyUrl(),
                        "--console.follow-every=200ms", "--console.refresh-every=1s"),
                workDir.resolve("console-" + name + ".log"), workDir.resolve("console-" + name + ".pid"));
        console.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/actuator/health"), Duration.ofSeconds(60));
        return console;
    }

    /** A pay made directly at pay-service, as a tester's curl would; its txNo. */
    private static String payAtPayService(String accountNo, String amount) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.payUrl() + "/paydo")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"accountNo\":\"" + accountNo
                            + "\",\"payAmount\":\"" + amount + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return JsonMapper.builder().build().readTree(answer.body()).get("txNo").asText();
        } catch (Exception e) {
            throw new AssertionError("POST /paydo failed", e);
        }
    }

    private static void assertTheConsoleWasNeverReloaded() {
        assertThat(browser.script("return window.sameDocument === true;")).isEqualTo(true);
    }

    private static void post(String url, String json) {
        try {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("POST %s: %s", url, answer.body()).isEqualTo(200);
        } catch (Exception e) {
            throw new AssertionError("POST " + url + " failed", e);
        }
    }

    /** A balance as account-service answers it, not as the page shows it. */
    private static BigDecimal balanceAtTheReceiver(String accountNo) {
        return JsonMapper.builder().build().readTree(get(stack.accountUrl() + "/accounts/" + accountNo))
                .get("accountBalance").decimalValue();
    }

    private static String get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (Exception e) {
            throw new AssertionError("GET " + url + " failed", e);
        }
    }
}
