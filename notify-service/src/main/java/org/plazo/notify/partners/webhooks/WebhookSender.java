package org.plazo.notify.partners.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;
import org.plazo.notify.partners.net.GuardedDnsResolver;
import org.plazo.notify.partners.net.RefusedAddressException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * Posts one webhook. The HTTP client resolves host names only through the SSRF guard, so
 * it connects only to addresses the guard checked; it follows no redirect, retries
 * nothing by itself, and gives an attempt {@code timeout} in all, connection included (a
 * request still running then is aborted). The endpoint's answer body is never read.
 */
class WebhookSender implements DisposableBean {

	static final String CLOUDEVENTS_JSON = "application/cloudevents+json";

	private final CloseableHttpClient client;

	private final Duration timeout;

	private final Clock clock;

	private final ScheduledExecutorService deadlines = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("partner-webhook-deadline-"));

	WebhookSender(GuardedDnsResolver dns, Duration timeout, int maxConnections, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
		Timeout limit = Timeout.of(timeout);
		this.client = HttpClients.custom()
			.setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
				.setDnsResolver(dns)
				.setMaxConnTotal(maxConnections)
				.setMaxConnPerRoute(Math.max(2, maxConnections / 4))
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(limit).setSocketTimeout(limit).build())
				.build())
			.setDefaultRequestConfig(RequestConfig.custom()
				.setRedirectsEnabled(false)
				.setResponseTimeout(limit)
				.setConnectionRequestTimeout(limit)
				.build())
			.disableRedirectHandling()
			.disableAutomaticRetries()
			.disableCookieManagement()
			.disableAuthCaching()
			.setUserAgent("Plazo-Webhooks/1.0")
			.build();
	}

	Result post(URI url, Map<String, String> headers, byte[] body) {
		HttpPost post = new HttpPost(url);
		headers.forEach(post::setHeader);
		post.setEntity(new ByteArrayEntity(body, ContentType.create(CLOUDEVENTS_JSON, "UTF-8")));
		long started = System.nanoTime();
		ScheduledFuture<?> deadline = this.deadlines.schedule(post::cancel, this.timeout.toMillis(),
				TimeUnit.MILLISECONDS);
		try (ClassicHttpResponse response = this.client.executeOpen(null, post, null)) {
			int status = response.getCode();
			// Closed unread: a large or endless body cannot hold the sender.
			return new Result(status, elapsed(started), "HTTP_" + status, retryAfter(response));
		}
		catch (RefusedAddressException ex) {
			return new Result(null, elapsed(started), "ADDRESS_REFUSED", Optional.empty());
		}
		catch (UnknownHostException ex) {
			return new Result(null, elapsed(started), "ADDRESS_REFUSED", Optional.empty());
		}
		catch (IOException ex) {
			boolean timedOut = post.isCancelled() || elapsed(started) >= this.timeout.toMillis()
					|| ex instanceof java.net.SocketTimeoutException
					|| ex instanceof org.apache.hc.client5.http.ConnectTimeoutException;
			return new Result(null, elapsed(started), timedOut ? "TIMEOUT" : "CONNECTION_FAILED", Optional.empty());
		}
		finally {
			deadline.cancel(false);
		}
	}

	private Optional<Duration> retryAfter(ClassicHttpResponse response) {
		Header header = response.getFirstHeader("Retry-After");
		if (header == null || header.getValue() == null) {
			return Optional.empty();
		}
		String value = header.getValue().trim();
		try {
			return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
			}
			catch (DateTimeParseException unreadable) {
				return Optional.empty();
			}
		}
	}

	private static long elapsed(long started) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
	}

	@Override
	public void destroy() throws IOException {
		this.deadlines.shutdownNow();
		this.client.close();
	}

	/**
	 * What one attempt came to.
	 *
	 * @param statusCode the HTTP status, or {@code null} when there was no answer
	 * @param latencyMillis how long it took (measured, not domain time)
	 * @param outcome {@code HTTP_<status>}, {@code TIMEOUT}, {@code CONNECTION_FAILED} or
	 * {@code ADDRESS_REFUSED}
	 * @param retryAfter the endpoint's {@code Retry-After}, if any
	 */
	record Result(Integer statusCode, long latencyMillis, String outcome, Optional<Duration> retryAfter) {

		boolean succeeded() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

}
