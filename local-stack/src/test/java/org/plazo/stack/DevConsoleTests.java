package org.plazo.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DevConsoleTests {

	private static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");

	private final HttpClient http = HttpClient.newHttpClient();

	private final MovableClock clock = MovableClock.on(Clock.fixed(NOW, ZoneOffset.UTC));

	@TempDir
	Path dataDirectory;

	private Path outbox;

	private MailServer mail;

	private DevConsole console;

	@BeforeEach
	void startConsole() throws Exception {
		this.outbox = this.dataDirectory.resolve("outbox.jsonl");
		this.mail = MailServer.start(0);
		this.console = DevConsole.start(0, this.clock, this.mail, new SmsOutbox(this.outbox), List.of(), null);
	}

	@AfterEach
	void stopConsole() {
		this.console.close();
		this.mail.close();
	}

	@Test
	void showsMailTheSmtpServerReceived() throws Exception {
		sendMail("ana.prueba@example.org", "Recordatorio de plazo", "Su plazo vence el 3 de septiembre.");
		await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/mail").body().contains("Recordatorio de plazo"));
		HttpResponse<String> api = get("/api/mail");
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(api.body()).contains("\"to\":[\"ana.prueba@example.org\"]")
			.contains("Su plazo vence el 3 de septiembre.");
		assertThat(get("/mail").body()).contains("Recordatorio de plazo").contains("ana.prueba@example.org");
	}

	@Test
	void showsTheSmsOutboxEscapedAsHtml() throws Exception {
		Files.writeString(this.outbox, """
				{"to": "+50760001234", "body": "Su plazo <vence> el 2026-09-03", "at": "2026-03-03T14:00:00Z"}
				""");
		assertThat(get("/sms").body()).contains("+50760001234").contains("Su plazo &lt;vence&gt; el 2026-09-03");
		assertThat(get("/api/sms").body()).contains("\"body\":\"Su plazo <vence> el 2026-09-03\"");
	}

	@Test
	void advancesTheClockByAPeriodOrADuration() throws Exception {
		HttpResponse<String> response = post("/api/clock/advance?by=P30D");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"panamaDate\":\"2026-04-01\"");
		assertThat(this.clock.instant()).isEqualTo(NOW.plus(Duration.ofDays(30)));
		post("/api/clock/advance?by=PT2H");
		assertThat(this.clock.offset()).isEqualTo(Duration.ofDays(30).plusHours(2));
		assertThat(get("/api/clock").body()).contains("\"offset\":\"PT722H\"");
	}

	@Test
	void resetsTheClock() throws Exception {
		this.clock.advance(Duration.ofDays(180));
		assertThat(post("/api/clock/reset").statusCode()).isEqualTo(200);
		assertThat(this.clock.instant()).isEqualTo(NOW);
	}

	@Test
	void refusesAnAmountThatIsNotIso8601() throws Exception {
		HttpResponse<String> response = post("/api/clock/advance?by=30days");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.clock.offset()).isZero();
	}

	@Test
	void sendsABrowserBackToTheIndexAfterMovingTheClock() throws Exception {
		HttpRequest form = HttpRequest.newBuilder(uri("/api/clock/advance"))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("by=P6M"))
			.build();
		HttpResponse<String> response = this.http.send(form, BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Location")).hasValue("/");
		assertThat(get("/").body()).contains("2026-09-02").contains("DEVELOPMENT");
	}

	@Test
	void answersUnknownPathsAndWrongMethodsWithProblems() throws Exception {
		assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
		assertThat(get("/api/clock/reset").statusCode()).isEqualTo(405);
	}

	private void sendMail(String to, String subject, String text) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(this.mail.port()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("plazo@example.org"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
		message.setSubject(subject, "UTF-8");
		message.setText(text, "UTF-8");
		Transport.send(message);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.noBody()).build(),
				BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create(this.console.url() + path);
	}

}
