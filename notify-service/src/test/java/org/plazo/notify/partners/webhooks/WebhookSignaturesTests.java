package org.plazo.notify.partners.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signing side checked by a verifier written from the specification independently.
 */
class WebhookSignaturesTests {

	static final Instant NOW = Instant.parse("2026-03-10T15:00:00Z");

	private final byte[] body = "{\"specversion\":\"1.0\",\"type\":\"org.plazo.deadline.scheduled.v1\"}"
		.getBytes(StandardCharsets.UTF_8);

	@Test
	void aSignedMessageVerifies() {
		String secret = WebhookSignatures.newSecret();
		String signature = WebhookSignatures.sign("msg_1", NOW.getEpochSecond(), this.body, List.of(secret));

		assertThat(secret).startsWith("whsec_");
		assertThat(signature).startsWith("v1,").doesNotContain(" ");
		assertThat(new StandardWebhooksVerifier(secret).verify("msg_1", Long.toString(NOW.getEpochSecond()), signature,
				this.body, NOW))
			.isTrue();
	}

	@Test
	void matchesTheSpecificationsExample() {
		// The example of the Standard Webhooks specification (spec/standard-webhooks.md).
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		byte[] payload = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);

		assertThat(WebhookSignatures.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, payload, List.of(secret)))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aTamperedBodyDoesNotVerify() {
		String secret = WebhookSignatures.newSecret();
		String signature = WebhookSignatures.sign("msg_1", NOW.getEpochSecond(), this.body, List.of(secret));
		byte[] tampered = new String(this.body, StandardCharsets.UTF_8).replace("scheduled", "cancelled")
			.getBytes(StandardCharsets.UTF_8);

		StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
		String timestamp = Long.toString(NOW.getEpochSecond());
		assertThat(verifier.verify("msg_1", timestamp, signature, tampered, NOW)).isFalse();
		assertThat(verifier.verify("msg_2", timestamp, signature, this.body, NOW)).isFalse();
		assertThat(verifier.verify("msg_1", Long.toString(NOW.getEpochSecond() + 1), signature, this.body, NOW))
			.isFalse();
	}

	@Test
	void aStaleTimestampIsRefusedByTheReceiver() {
		String secret = WebhookSignatures.newSecret();
		long old = NOW.minusSeconds(600).getEpochSecond();
		String signature = WebhookSignatures.sign("msg_1", old, this.body, List.of(secret));

		assertThat(new StandardWebhooksVerifier(secret).verify("msg_1", Long.toString(old), signature, this.body, NOW))
			.isFalse();
	}

	@Test
	void duringRotationBothSecretsVerify() {
		String old = WebhookSignatures.newSecret();
		String current = WebhookSignatures.newSecret();
		String signature = WebhookSignatures.sign("msg_1", NOW.getEpochSecond(), this.body, List.of(old, current));
		String timestamp = Long.toString(NOW.getEpochSecond());

		assertThat(signature.split(" ")).hasSize(2).allSatisfy((part) -> assertThat(part).startsWith("v1,"));
		assertThat(new StandardWebhooksVerifier(old).verify("msg_1", timestamp, signature, this.body, NOW)).isTrue();
		assertThat(new StandardWebhooksVerifier(current).verify("msg_1", timestamp, signature, this.body, NOW))
			.isTrue();
		assertThat(new StandardWebhooksVerifier(WebhookSignatures.newSecret()).verify("msg_1", timestamp, signature,
				this.body, NOW))
			.isFalse();
	}

}
