package org.plazo.notify.sms;

import java.time.Duration;

/**
 * A provider did not accept an SMS. Says whether trying again could help, and when. Its
 * message holds the provider's name and error code only, never the number or the text.
 */
public class SmsNotSent extends RuntimeException {

	/** Whether and when trying again could help. */
	public enum Kind {

		/** The provider or the network failed; trying again later may work. */
		TRANSIENT,

		/** The provider (or our own token bucket) asked us to slow down. */
		RATE_LIMITED,

		/** The message will never be accepted as it is (invalid number, too long). */
		PERMANENT

	}

	private final Kind kind;

	private final String provider;

	private final String code;

	private final Duration retryAfter;

	public SmsNotSent(Kind kind, String provider, String code, Duration retryAfter) {
		super("SMS not accepted by " + provider + ": " + kind + " (" + code + ")");
		this.kind = kind;
		this.provider = provider;
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public SmsNotSent(Kind kind, String provider, String code) {
		this(kind, provider, code, null);
	}

	public Kind kind() {
		return this.kind;
	}

	public String provider() {
		return this.provider;
	}

	/**
	 * The provider's error code, or our own (e.g. {@code BODY_TOO_LONG}).
	 * @return the code, never personal data
	 */
	public String code() {
		return this.code;
	}

	/**
	 * When the provider asked us to try again, if it said.
	 * @return the pause, or {@code null}
	 */
	public Duration retryAfter() {
		return this.retryAfter;
	}

}
