package org.plazo.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;
import java.util.stream.StreamSupport;

import org.plazo.stack.PlazoService;
import org.plazo.stack.ReceivedMail;
import org.plazo.stack.RunningStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system's public HTTP API and its outboxes, as a black-box client sees them. Every
 * call to a service's {@code /api/**} carries a bearer token from the stack's local
 * issuer ({@link #CLIENT} unless told otherwise), except the SMS webhooks (signed) and
 * the partner API (API keys).
 */
final class Api {

	/** The issuer's client whose token the calls carry by default. */
	static final String CLIENT = "dev-operator";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final RunningStack stack;

	Api(RunningStack stack) {
		this.stack = stack;
	}

	String openCase(String body) {
		HttpResponse<String> response = post(PlazoService.CASE, "/api/v1/cases", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(response.headers().firstValue("Location")).isPresent();
		return json.readTree(response.body()).get("caseId").asString();
	}

	void recordEvent(String caseId, String body) {
		HttpResponse<String> response = post(PlazoService.CASE, "/api/v1/cases/" + caseId + "/events", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
	}

	String addClosure(String body) {
		HttpResponse<String> response = post(PlazoService.DEADLINE, "/api/v1/calendar/closures", body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return json.readTree(response.body()).get("id").asString();
	}

	/**
	 * The case's deadline of that kind, or null while deadline-service has not computed
	 * it.
	 */
	JsonNode deadline(String caseId, String kind) {
		HttpResponse<String> response = get(PlazoService.DEADLINE, "/api/v1/cases/" + caseId + "/deadlines");
		if (response.statusCode() != 200) {
			return null;
		}
		return StreamSupport.stream(json.readTree(response.body()).get("deadlines").spliterator(), false)
			.filter((deadline) -> kind.equals(deadline.get("kind").asString()))
			.findFirst()
			.orElse(null);
	}

	List<TwilioFake.Sms> smsTo(String phone) {
		return SharedStack.twilio().sent().stream().filter((sms) -> phone.equals(sms.to())).toList();
	}

	/** A person texts Plazo: Twilio's signed webhook, as Twilio would send it. */
	void textFrom(String phone, String body) {
		String path = "/api/v1/sms/twilio/inbound";
		Map<String, String> form = TwilioFake.inbound(phone, body);
		String encoded = form.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpResponse<String> response = send(
				HttpRequest.newBuilder(URI.create(this.stack.serviceUrl(PlazoService.NOTIFY) + path))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-Twilio-Signature", TwilioFake.signature(path, form))
					.POST(HttpRequest.BodyPublishers.ofString(encoded))
					.build());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	List<ReceivedMail> mailTo(String address) {
		return this.stack.receivedMail().stream().filter((mail) -> mail.to().contains(address)).toList();
	}

	HttpResponse<String> get(PlazoService service, String path) {
		return get(service, path, CLIENT);
	}

	/** A GET with the token of {@code client}, or none when it is null. */
	HttpResponse<String> get(PlazoService service, String path, String client) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.stack.serviceUrl(service) + path)), path, client)
			.build());
	}

	HttpResponse<String> post(PlazoService service, String path, String body) {
		return post(service, path, body, CLIENT);
	}

	/** A POST of JSON with the token of {@code client}, or none when it is null. */
	HttpResponse<String> post(PlazoService service, String path, String body, String client) {
		return send(authorized(HttpRequest.newBuilder(URI.create(this.stack.serviceUrl(service) + path)), path, client)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	/** {@code Bearer <token>} of the issuer's client, for a request built elsewhere. */
	String bearer(String client) {
		return "Bearer " + this.stack.token(client);
	}

	/** Whether a path of the services takes the issuer's tokens. */
	static boolean takesTokens(String path) {
		return path.startsWith("/api/") && !path.startsWith("/api/v1/sms/") && !path.startsWith("/api/v1/partners/");
	}

	private HttpRequest.Builder authorized(HttpRequest.Builder request, String path, String client) {
		if (client != null && takesTokens(path)) {
			request.header("Authorization", bearer(client));
		}
		return request;
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
