package org.plazo.notify.abuse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.plazo.notify.sms.InboundSms;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RateLimitsTests {

	private static final Clock NOW = Clock.fixed(Instant.parse("2026-04-14T14:00:00Z"), ZoneOffset.UTC);

	@Test
	void answersTheFirstTextsOfASenderAndDropsTheRestUnanswered() {
		List<InboundSms> answered = new ArrayList<>();
		InboundSmsLimit limit = new InboundSmsLimit(
				new RateLimits(new AbuseProperties.Limit(3, Duration.ofHours(1)), 100, NOW), answered::add);

		for (int i = 0; i < 5; i++) {
			limit.onInbound(new InboundSms("twilio", "+50760001234", "AYUDA", NOW.instant()));
		}
		limit.onInbound(new InboundSms("twilio", "+507 6000-1235", "AYUDA", NOW.instant()));

		assertThat(answered).hasSize(4);
		assertThat(answered.get(3).from()).isEqualTo("+507 6000-1235");
	}

	@Test
	void honoursStopFromASenderPastTheLimit() {
		List<InboundSms> answered = new ArrayList<>();
		InboundSmsLimit limit = new InboundSmsLimit(
				new RateLimits(new AbuseProperties.Limit(1, Duration.ofHours(1)), 100, NOW), answered::add);

		limit.onInbound(new InboundSms("twilio", "+50760001234", "AYUDA", NOW.instant()));
		limit.onInbound(new InboundSms("twilio", "+50760001234", "AYUDA", NOW.instant()));
		limit.onInbound(new InboundSms("twilio", "+50760001234", "BAJA", NOW.instant()));

		assertThat(answered).extracting(InboundSms::text).containsExactly("AYUDA", "BAJA");
	}

	@Test
	void countsOneNumberAsOneSenderWhateverItsFormat() {
		List<InboundSms> answered = new ArrayList<>();
		InboundSmsLimit limit = new InboundSmsLimit(
				new RateLimits(new AbuseProperties.Limit(1, Duration.ofHours(1)), 100, NOW), answered::add);

		limit.onInbound(new InboundSms("twilio", "+50760001234", "PLAZO", NOW.instant()));
		limit.onInbound(new InboundSms("smpp", "507 6000 1234", "PLAZO", NOW.instant()));

		assertThat(answered).hasSize(1);
	}

	@Test
	void refusesAClientBeyondItsLimitWithRetryAfter() {
		ClientLimits limits = new ClientLimits(
				new RateLimits(new AbuseProperties.Limit(2, Duration.ofMinutes(1)), 100, NOW),
				new RateLimits(new AbuseProperties.Limit(100, Duration.ofMinutes(1)), 100, NOW), "partner API");
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/partners/cases");
		request.setRemoteAddr("203.0.113.7");

		assertThat(limits.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		assertThat(limits.preHandle(request, new MockHttpServletResponse(), new Object())).isTrue();
		assertThatExceptionOfType(TooManyRequests.class)
			.isThrownBy(() -> limits.preHandle(request, new MockHttpServletResponse(), new Object()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
				assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
				assertThat(ex.getBody().getType()).isEqualTo(TooManyRequests.TYPE);
			});

		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/api/v1/partners/cases");
		other.setRemoteAddr("203.0.113.8");
		assertThat(limits.preHandle(other, new MockHttpServletResponse(), new Object())).isTrue();
	}

	@Test
	void refusesOneCredentialBeyondItsLimitFromAnyAddress() {
		ClientLimits limits = new ClientLimits(
				new RateLimits(new AbuseProperties.Limit(100, Duration.ofMinutes(1)), 100, NOW),
				new RateLimits(new AbuseProperties.Limit(1, Duration.ofMinutes(1)), 100, NOW), "partner API");
		MockHttpServletRequest first = new MockHttpServletRequest("GET", "/api/v1/partners/cases");
		first.setRemoteAddr("203.0.113.7");
		first.addHeader(HttpHeaders.AUTHORIZATION, "Bearer pk_guess");
		MockHttpServletRequest second = new MockHttpServletRequest("GET", "/api/v1/partners/cases");
		second.setRemoteAddr("198.51.100.1");
		second.addHeader(HttpHeaders.AUTHORIZATION, "Bearer pk_guess");

		assertThat(limits.preHandle(first, new MockHttpServletResponse(), new Object())).isTrue();
		assertThatExceptionOfType(TooManyRequests.class)
			.isThrownBy(() -> limits.preHandle(second, new MockHttpServletResponse(), new Object()));
	}

	@Test
	void refillsOverTime() {
		Instant[] now = { NOW.instant() };
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now[0];
			}

		};
		RateLimits limits = new RateLimits(new AbuseProperties.Limit(2, Duration.ofHours(1)), 100, clock);

		assertThat(limits.take("+50760001234")).isZero();
		assertThat(limits.take("+50760001234")).isZero();
		assertThat(limits.take("+50760001234")).isEqualTo(Duration.ofMinutes(30));
		now[0] = now[0].plus(Duration.ofMinutes(30));
		assertThat(limits.take("+50760001234")).isZero();
	}

}
