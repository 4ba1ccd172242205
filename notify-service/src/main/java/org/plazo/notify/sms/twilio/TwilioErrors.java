package org.plazo.notify.sms.twilio;

import java.util.Set;

import org.plazo.notify.sms.SmsNotSent.Kind;

/**
 * Which of Twilio's answers are worth trying again. Twilio names each refusal with a
 * numeric error code in the JSON body; where the code says nothing, the HTTP status does.
 */
final class TwilioErrors {

	/**
	 * Refusals that will never turn into a sent message: the number is invalid, not a
	 * mobile, unsubscribed (the person answered STOP to Twilio), unreachable for this
	 * account, or the message itself is unacceptable.
	 */
	private static final Set<Integer> PERMANENT = Set.of(21211, 21217, 21401, 21407, 21408, 21601, 21602, 21604, 21606,
			21610, 21612, 21614, 21617, 21621, 21635);

	/** Slow down: too many requests, or the sender's queue is full. */
	private static final Set<Integer> RATE_LIMITED = Set.of(20429, 21611, 30001);

	/** Twilio's own trouble. */
	private static final Set<Integer> TRANSIENT = Set.of(20500, 20503, 30008);

	private TwilioErrors() {
	}

	/**
	 * @param httpStatus the HTTP status of Twilio's answer
	 * @param code Twilio's error code, or {@code null}
	 * @return whether and when to try again
	 */
	static Kind classify(int httpStatus, Integer code) {
		if (code != null) {
			if (PERMANENT.contains(code)) {
				return Kind.PERMANENT;
			}
			if (RATE_LIMITED.contains(code)) {
				return Kind.RATE_LIMITED;
			}
			if (TRANSIENT.contains(code)) {
				return Kind.TRANSIENT;
			}
		}
		if (httpStatus == 429) {
			return Kind.RATE_LIMITED;
		}
		// 5xx is Twilio's trouble; 401 and 403 are ours (credentials, account) and may be
		// fixed while the reminder waits, or by the secondary provider.
		if (httpStatus >= 500 || httpStatus == 401 || httpStatus == 403) {
			return Kind.TRANSIENT;
		}
		return Kind.PERMANENT;
	}

}
