package org.plazo.notify.sms;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through the primary provider and, when it fails transiently or is rate-limited,
 * through the secondary one. A permanent refusal (an invalid number) is not tried
 * elsewhere. Bodies over {@value SmsGateway#MAX_CHARACTERS} characters are refused before
 * any provider sees them.
 */
class FailoverSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(FailoverSmsGateway.class);

	private final SmsProvider primary;

	private final SmsProvider secondary;

	/**
	 * @param primary the provider tried first
	 * @param secondary the fallback, or {@code null}
	 */
	FailoverSmsGateway(SmsProvider primary, SmsProvider secondary) {
		this.primary = primary;
		this.secondary = secondary;
	}

	@Override
	public SmsReceipt send(SmsMessage message) {
		if (message.text().codePointCount(0, message.text().length()) > MAX_CHARACTERS) {
			throw new SmsNotSent(SmsNotSent.Kind.PERMANENT, "plazo", "BODY_TOO_LONG");
		}
		try {
			return this.primary.send(message);
		}
		catch (SmsNotSent ex) {
			if (ex.kind() == SmsNotSent.Kind.PERMANENT || this.secondary == null) {
				throw ex;
			}
			log.warn("Notification {}: {} did not take it ({} {}); trying {}", message.notificationId(),
					this.primary.name(), ex.kind(), ex.code(), this.secondary.name());
			try {
				return this.secondary.send(message);
			}
			catch (SmsNotSent fallback) {
				// Retry when the sooner of the two can take it.
				throw (fallback.kind() == SmsNotSent.Kind.PERMANENT || sooner(fallback, ex)) ? fallback : ex;
			}
		}
	}

	private static boolean sooner(SmsNotSent a, SmsNotSent b) {
		if (a.retryAfter() == null) {
			return false;
		}
		return b.retryAfter() == null || a.retryAfter().compareTo(b.retryAfter()) < 0;
	}

	@Override
	public String toString() {
		return "FailoverSmsGateway[primary=" + this.primary.name() + ", secondary="
				+ ((this.secondary != null) ? this.secondary.name() : "none") + "]";
	}

}
