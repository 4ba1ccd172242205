package org.plazo.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.plazo.stack.PlazoService;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in a real browser (Debian's headless Chromium): an operator logs
 * in, sees a person at risk of missing a five-day term, opens the case's timeline,
 * retries the reminder Twilio refused, adds a closure and watches the deadline's
 * reminders move; a viewer sees the phone masked and is refused an operator's action.
 * Screenshots go to {@code target/screenshots}.
 */
@ExtendWith(SharedStack.class)
class OperatorConsoleTests {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static final String PHONE = "+50760007788";

	static Api api;

	static String console;

	static WebDriver browser;

	@BeforeAll
	static void theDayAfterARejection() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM), "No Chromium at " + CHROMIUM
				+ ": install Debian's chromium package (.ci/run does) to run the console's browser test");
		assumeTrue(Files.isExecutable(CHROMEDRIVER), "No chromedriver at " + CHROMEDRIVER
				+ ": install Debian's chromium-driver package (.ci/run does) to run the console's browser test");
		api = new Api(SharedStack.stack());
		console = SharedStack.stack().serviceUrl(PlazoService.CASE) + "/console";
		// 10:00 in Panama on Thu 13 May 2027.
		SharedStack.stack().clock().set(Instant.parse("2027-05-13T15:00:00Z"));
		Files.createDirectories(SCREENSHOTS);
		browser = chromium();
	}

	@AfterAll
	static void closeTheBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void anOperatorRetriesAFailedReminderAndMovesADeadlineWithAClosureAndAViewerMayOnlyLook() throws IOException {
		SharedStack.twilio().rejectMessagesTo(PHONE);
		String caseId = api.openCase("""
				{"applicant": {"name": "Rosa Ejemplo", "preferredLanguage": "es", "phone": "%s", "email": null,
				               "preferredChannel": "SMS", "consentToContact": true,
				               "consentNoticeVersion": "2026-11"},
				 "arrivalDate": "2026-11-02", "household": []}""".formatted(PHONE));
		api.recordEvent(caseId, """
				{"type": "APPLICATION_FILED", "filedOn": "2026-11-10"}""");
		api.recordEvent(caseId, """
				{"type": "RESOLUTION_NOTIFIED", "resolutionId": "R-2027-0512", "outcome": "REJECTED",
				 "notifiedOn": "2027-05-12"}""");
		// Thu 13, Fri 14, Mon 17, Tue 18, Wed 19 May 2027.
		JsonNode reconsideration = await().atMost(Duration.ofSeconds(60))
			.until(() -> api.deadline(caseId, "RECONSIDERATION"), (d) -> d != null);
		assertThat(reconsideration.get("lastDay").asString()).isEqualTo("2027-05-19");
		// The reminders already due go out at once, and Twilio refuses them.
		await().atMost(Duration.ofSeconds(60)).until(() -> !api.smsTo(PHONE).isEmpty());

		logIn("dev-operator", "dev-operator-password");
		WebElement upcoming = browser.findElement(By.id("upcoming"));
		assertThat(upcoming.getText()).contains("Rosa Ejemplo").contains("RECONSIDERATION").contains("2027-05-19");
		screenshot("01-at-risk");

		upcoming.findElement(By.linkText("Rosa Ejemplo")).click();
		assertThat(browser.getCurrentUrl()).endsWith("/console/cases/" + caseId);
		assertThat(text("person-phone")).isEqualTo(PHONE);
		reloadUntil(() -> !browser.findElements(By.cssSelector("button.retry")).isEmpty());
		assertThat(text("timeline")).contains("RECONSIDERATION").contains("FAILED").contains("PROVIDER_REJECTED");
		scrollTo(browser.findElement(By.cssSelector("button.retry")));
		screenshot("02-timeline-failed-delivery");

		SharedStack.twilio().acceptMessagesTo(PHONE);
		int refused = api.smsTo(PHONE).size();
		browser.findElement(By.cssSelector("button.retry")).click();
		assertThat(browser.findElement(By.cssSelector(".flash.done")).getText()).isEqualTo("Retry requested.");
		await().atMost(Duration.ofSeconds(60)).until(() -> api.smsTo(PHONE).size() > refused);
		reloadUntil(() -> text("timeline").contains("twilio · SENT"));
		scrollTo(browser.findElement(By.cssSelector("li.delivery")));
		screenshot("03-timeline-retried");

		// Offices are closed by decree on the last day: the last reminder comes a day
		// earlier.
		assertThat(text("timeline")).contains("2027-05-19 07:00").doesNotContain("2027-05-18 07:00");
		browser.get(console + "/calendar?year=2027");
		fill("date", "2027-05-19");
		fill("reason", "Cierre de oficinas (ejemplo de prueba)");
		fill("source", "Decreto Ejecutivo de prueba");
		browser.findElement(By.id("add")).click();
		assertThat(browser.findElement(By.cssSelector(".flash.done")).getText()).startsWith("Closure added.");
		assertThat(browser.findElement(By.cssSelector("tr[data-date='2027-05-19']")).getText())
			.contains("Cierre de oficinas (ejemplo de prueba)");
		screenshot("04-calendar-closure-added");

		browser.get(console + "/cases/" + caseId);
		reloadUntil(() -> text("timeline").contains("2027-05-18 07:00"));
		scrollTo(browser.findElement(By.xpath("//li[contains(@class, 'reminder')][contains(., '2027-05-18 07:00')]")));
		assertThat(api.deadline(caseId, "RECONSIDERATION").toString()).contains("2027-05-18T12:00:00Z");
		screenshot("05-timeline-deadline-moved");

		browser.get(console + "/audit");
		assertThat(text("audit")).contains("notification.retry").contains("closure.add").contains("dev-operator");
		screenshot("06-audit");

		// The other pages show their data, or say which service does not answer.
		browser.get(console + "/deliveries");
		assertThat(text("failed-notifications")).doesNotContain("not answering");
		screenshot("06-deliveries");
		browser.get(console + "/charts");
		screenshot("06-charts");
		assertThat(browser.findElements(By.cssSelector("#chart-due svg"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#chart-deliveries svg"))).hasSize(1);
		browser.get(console + "/subscriptions");
		assertThat(browser.getPageSource()).doesNotContain("not answering");
		browser.get(console + "/import");
		assertThat(browser.findElement(By.id("template")).getAttribute("href"))
			.endsWith("/console/import/template.csv");
		screenshot("06-import");

		logOut();
		logIn("dev-viewer", "dev-viewer-password");
		browser.get(console + "/cases/" + caseId);
		assertThat(text("person-phone")).isEqualTo("+507 ••• •••88");
		assertThat(browser.getPageSource()).doesNotContain("60007788");
		screenshot("07-viewer-timeline-masked");

		// A viewer who crafts an operator's request anyway is refused.
		browser.get(console + "/calendar?year=2027");
		assertThat(browser.findElements(By.id("add"))).isEmpty();
		((JavascriptExecutor) browser).executeScript("""
				var form = document.createElement('form');
				form.method = 'post';
				form.action = arguments[0];
				form.appendChild(document.querySelector('input[name="_csrf"]').cloneNode());
				[['date', '2027-06-02'], ['kind', 'CLOSURE'], ['reason', 'x'], ['source', 'y']].forEach(function (f) {
					var input = document.createElement('input');
					input.name = f[0];
					input.value = f[1];
					form.appendChild(input);
				});
				document.body.appendChild(form);
				form.submit();""", console + "/calendar/closures");
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("denied")).isEmpty());
		assertThat(browser.getPageSource()).contains("403");
		screenshot("08-viewer-denied");
		assertThat(api.get(PlazoService.DEADLINE, "/api/v1/calendar/closures").body()).doesNotContain("2027-06-02");

		browser.manage().window().setSize(new Dimension(390, 844));
		browser.get(console);
		assertThat(text("upcoming")).contains("Rosa Ejemplo");
		screenshot("09-phone-at-risk");
	}

	private static void logIn(String user, String password) {
		browser.get(console + "/login?lang=en");
		fill("username", user);
		fill("password", password);
		browser.findElement(By.id("login")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("upcoming")).isEmpty());
	}

	private static void logOut() {
		browser.findElement(By.cssSelector("form[action$='/console/logout'] button")).click();
		await().atMost(Duration.ofSeconds(10)).until(() -> !browser.findElements(By.id("login")).isEmpty());
	}

	private static void scrollTo(WebElement element) {
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
	}

	private static void fill(String id, String value) {
		WebElement field = browser.findElement(By.id(id));
		// A date field's typing depends on the browser's locale; its value does not.
		((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", field, value);
	}

	private static String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	/** Reloads the page until it shows what is awaited: the console does not push. */
	private static void reloadUntil(java.util.concurrent.Callable<Boolean> shown) {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
			if (Boolean.TRUE.equals(shown.call())) {
				return true;
			}
			browser.navigate().refresh();
			return false;
		});
	}

	private static void screenshot(String name) throws IOException {
		Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private static WebDriver chromium() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,1200", "--lang=en-US");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

}
