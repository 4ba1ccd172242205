package org.plazo.stack;

import java.time.LocalDate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small web page and JSON API for the developer: the mail and SMS the services sent,
 * and the shared clock, which it can move. It uses the JDK's HTTP server, listens on the
 * loopback interface only (nothing here asks who you are), and serves plain HTML.
 */
final class DevConsole implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(DevConsole.class);

	private static final String HTML = "text/html; charset=utf-8";

	private static final String JSON = "application/json";

	private static final String PROBLEM_JSON = "application/problem+json";

	private final HttpServer server;

	private final ExecutorService executor;

	private final MovableClock clock;

	private final MailServer mail;

	private final SmsOutbox sms;

	private final List<RunningService> services;

	/** The token issuer's URL for the sample requests, or null when none runs. */
	private final String issuerUrl;

	private final JsonMapper json = JsonMapper.builder().build();

	private DevConsole(HttpServer server, ExecutorService executor, MovableClock clock, MailServer mail, SmsOutbox sms,
			List<RunningService> services, String issuerUrl) {
		this.server = server;
		this.executor = executor;
		this.clock = clock;
		this.mail = mail;
		this.sms = sms;
		this.services = services;
		this.issuerUrl = issuerUrl;
	}

	/**
	 * Starts the console on {@code port} (0 for a free one) on the loopback interface.
	 */
	static DevConsole start(int port, MovableClock clock, MailServer mail, SmsOutbox sms, List<RunningService> services,
			String issuerUrl) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		ExecutorService executor = Executors.newFixedThreadPool(2, (task) -> {
			Thread thread = new Thread(task, "dev-console");
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		DevConsole console = new DevConsole(server, executor, clock, mail, sms, services, issuerUrl);
		console.route("/", "GET", console::index);
		console.route("/mail", "GET", console::mailPage);
		console.route("/api/mail", "GET", (exchange) -> console.sendJson(exchange, 200, mail.messages()));
		console.route("/sms", "GET", console::smsPage);
		console.route("/api/sms", "GET", (exchange) -> console.sendJson(exchange, 200, console.smsFields()));
		console.route("/api/clock", "GET", (exchange) -> console.sendJson(exchange, 200, console.clockState()));
		console.route("/api/clock/advance", "POST", console::advanceClock);
		console.route("/api/clock/reset", "POST", (exchange) -> {
			clock.reset();
			console.clockMoved(exchange);
		});
		server.start();
		logger.info("Dev console started on {}", console.url());
		return console;
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	String url() {
		return "http://localhost:" + port();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * Serves {@code handler} on exactly {@code path} (the JDK server matches prefixes,
	 * and the longest prefix wins) for one method.
	 */
	private void route(String path, String method, HttpHandler handler) {
		this.server.createContext(path, (exchange) -> {
			try {
				if (!exchange.getRequestURI().getPath().equals(path)) {
					sendProblem(exchange, 404, "No page here. Try " + url() + "/");
				}
				else if (!exchange.getRequestMethod().equals(method)) {
					exchange.getResponseHeaders().set("Allow", method);
					sendProblem(exchange, 405, path + " answers " + method + " only.");
				}
				else {
					handler.handle(exchange);
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Dev console failed to answer {}", exchange.getRequestURI().getPath(), ex);
				sendProblem(exchange, 500, "The dev console failed: " + ex.getClass().getSimpleName());
			}
			finally {
				exchange.close();
			}
		});
	}

	private void advanceClock(HttpExchange exchange) throws IOException {
		String by = parameters(exchange).get("by");
		if (by == null || by.isBlank()) {
			sendProblem(exchange, 400,
					"Say how far with ?by=, an ISO-8601 period or duration such as P30D," + " P6M or PT2H.");
			return;
		}
		try {
			// A period counts calendar days and months in Panama; a duration counts exact
			// time.
			this.clock.advance(Period.parse(by));
		}
		catch (DateTimeParseException notAPeriod) {
			try {
				this.clock.advance(Duration.parse(by));
			}
			catch (DateTimeParseException notADuration) {
				sendProblem(exchange, 400,
						"'" + by + "' is neither an ISO-8601 period (P30D, P6M) nor a duration" + " (PT2H, P1DT12H).");
				return;
			}
		}
		clockMoved(exchange);
	}

	/**
	 * Browsers (forms on the index page) go back to the index; API clients get the new
	 * time.
	 */
	private void clockMoved(HttpExchange exchange) throws IOException {
		logger.info("Clock moved to {} (offset {})", this.clock.instant(), this.clock.offset());
		String accept = exchange.getRequestHeaders().getFirst("Accept");
		if (accept != null && accept.contains("text/html")) {
			exchange.getResponseHeaders().set("Location", "/");
			exchange.sendResponseHeaders(303, -1);
		}
		else {
			sendJson(exchange, 200, clockState());
		}
	}

	private Map<String, Object> clockState() {
		Instant now = this.clock.instant();
		ZonedDateTime panama = now.atZone(MovableClock.PANAMA);
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("now", now.toString());
		state.put("panamaDate", panama.toLocalDate().toString());
		state.put("panamaDateTime", panama.toOffsetDateTime().toString());
		state.put("offset", this.clock.offset().toString());
		return state;
	}

	private List<Map<String, Object>> smsFields() {
		return this.sms.messages().stream().map(OutboxSms::fields).toList();
	}

	private void index(HttpExchange exchange) throws IOException {
		ZonedDateTime now = this.clock.instant().atZone(MovableClock.PANAMA).truncatedTo(ChronoUnit.SECONDS);
		StringBuilder page = new StringBuilder(page("Plazo dev console", false));
		page.append("<p class=warning><strong>DEVELOPMENT stack</strong>: no authentication, SMS written to a file,")
			.append(" mail kept in memory. Use invented people only.</p>");
		page.append("<h2>Clock</h2><p>Now in Panama: <strong>")
			.append(escape(now.toOffsetDateTime()))
			.append("</strong> (offset ")
			.append(escape(this.clock.offset()))
			.append(")</p><p>");
		for (String by : List.of("PT1H", "P1D", "P7D", "P1M", "P6M")) {
			page.append(form("/api/clock/advance?by=" + by, "+ " + by));
		}
		page.append(form("/api/clock/reset", "Reset to real time"))
			.append("</p><form method=post action=\"/api/clock/advance\">")
			.append("<input name=by placeholder=\"P30D, P6M, PT2H\" size=16> <button>Advance</button></form>");
		page.append("<h2>What the services sent</h2><ul>")
			.append("<li><a href=\"/mail\">Mail</a> (<a href=\"/api/mail\">JSON</a>)</li>")
			.append("<li><a href=\"/sms\">SMS</a> (<a href=\"/api/sms\">JSON</a>)</li></ul>");
		page.append("<h2>Services</h2><ul>");
		for (RunningService service : this.services) {
			page.append("<li>")
				.append(escape(service.service().serviceName()))
				.append(": ")
				.append(link(service.url()))
				.append(" · ")
				.append(link(service.url() + "/swagger-ui.html"))
				.append(" · ")
				.append(link(service.url() + "/v3/api-docs"))
				.append("</li>");
		}
		if (this.services.isEmpty()) {
			page.append("<li>None started (infrastructure only).</li>");
		}
		page.append("</ul>");
		this.services.stream()
			.filter((service) -> service.service() == PlazoService.CASE)
			.findFirst()
			.ifPresent((cases) -> page.append("<h2>Register a case</h2><pre>")
				.append(escape(Samples.token(this.issuerUrl, "dev-caseworker-ana")))
				.append('\n')
				.append(escape(
						Samples.createCase(cases.url(), LocalDate.now(this.clock.withZone(MovableClock.PANAMA)))))
				.append("</pre>"));
		page.append("<h2>Move the clock from a shell</h2><pre>")
			.append(escape(Samples.advanceClock(url(), "P6M")))
			.append('\n')
			.append(escape(Samples.resetClock(url())))
			.append("</pre>");
		sendHtml(exchange, page);
	}

	private void mailPage(HttpExchange exchange) throws IOException {
		StringBuilder page = new StringBuilder(page("Mail received", true));
		List<ReceivedMail> messages = newestFirst(this.mail.messages());
		page.append("<p>").append(messages.size()).append(" message(s), newest first. This page refreshes itself.</p>");
		page.append("<table><tr><th>Date</th><th>To</th><th>Subject</th><th>Text</th></tr>");
		for (ReceivedMail message : messages) {
			page.append("<tr><td>")
				.append(escape(message.date()))
				.append("</td><td>")
				.append(escape(String.join(", ", message.to())))
				.append("</td><td>")
				.append(escape(message.subject()))
				.append("</td><td><pre>")
				.append(escape(message.text()))
				.append("</pre></td></tr>");
		}
		sendHtml(exchange, page.append("</table>"));
	}

	private void smsPage(HttpExchange exchange) throws IOException {
		StringBuilder page = new StringBuilder(page("SMS outbox", true));
		List<OutboxSms> messages = newestFirst(this.sms.messages());
		page.append("<p>")
			.append(messages.size())
			.append(" message(s) in <code>")
			.append(escape(this.sms.file().toAbsolutePath()))
			.append("</code>, newest first. This page refreshes itself.</p>");
		page.append("<table><tr><th>At</th><th>To</th><th>Text</th></tr>");
		for (OutboxSms message : messages) {
			page.append("<tr><td>")
				.append(escape(message.at()))
				.append("</td><td>")
				.append(escape(message.to()))
				.append("</td><td><pre>")
				.append(escape(message.body()))
				.append("</pre></td></tr>");
		}
		sendHtml(exchange, page.append("</table>"));
	}

	private static <T> List<T> newestFirst(List<T> oldestFirst) {
		List<T> messages = new ArrayList<>(oldestFirst);
		Collections.reverse(messages);
		return messages;
	}

	private static String page(String title, boolean refresh) {
		return "<!doctype html><html><head><meta charset=utf-8><title>" + escape(title) + "</title>"
				+ (refresh ? "<meta http-equiv=refresh content=5>" : "")
				+ "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
				+ "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top;"
				+ "text-align:left}pre{white-space:pre-wrap;margin:0}.warning{background:#fff3cd;padding:.6em}"
				+ "form{display:inline;margin-right:.4em}</style></head><body><p><a href=\"/\">Plazo dev console</a>"
				+ "</p><h1>" + escape(title) + "</h1>";
	}

	private static String form(String action, String label) {
		return "<form method=post action=\"" + escape(action) + "\"><button>" + escape(label) + "</button></form>";
	}

	private static String link(String url) {
		return "<a href=\"" + escape(url) + "\">" + escape(url) + "</a>";
	}

	static String escape(Object value) {
		if (value == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder();
		for (char c : value.toString().toCharArray()) {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

	/** Query parameters, and form fields when the body is a form. */
	private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
		Map<String, String> parameters = new LinkedHashMap<>();
		addParameters(exchange.getRequestURI().getRawQuery(), parameters);
		String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
		if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
			try (InputStream body = exchange.getRequestBody()) {
				addParameters(new String(body.readNBytes(4096), StandardCharsets.UTF_8), parameters);
			}
		}
		return parameters;
	}

	private static void addParameters(String encoded, Map<String, String> parameters) {
		if (encoded == null || encoded.isEmpty()) {
			return;
		}
		for (String pair : encoded.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			parameters.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8).trim());
		}
	}

	private void sendHtml(HttpExchange exchange, CharSequence page) throws IOException {
		send(exchange, 200, HTML, (page + "</body></html>").getBytes(StandardCharsets.UTF_8));
	}

	private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
		send(exchange, status, JSON, this.json.writeValueAsBytes(body));
	}

	/** An RFC 9457 problem, as the services answer errors. */
	private void sendProblem(HttpExchange exchange, int status, String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("status", status);
		problem.put("detail", detail);
		send(exchange, status, PROBLEM_JSON, this.json.writeValueAsBytes(problem));
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
