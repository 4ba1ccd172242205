package org.plazo.notify.notifications;

/**
 * Why a notification was not sent or did not arrive. The name goes on the wire as the
 * reason code.
 */
public enum FailureReason {

	/** No case event told how to reach the person in time. */
	UNKNOWN_RECIPIENT(false),

	/** The person did not agree to be contacted, or withdrew consent. */
	NO_CONSENT(true),

	/** The person asked by SMS (STOP, BAJA...) to receive no more messages. */
	OPTED_OUT(true),

	/** The person has no phone number or address for the channel they chose. */
	NO_ADDRESS(true),

	/**
	 * The provider refused the message for good (an invalid or unsubscribed number, a
	 * body over 1,600 characters).
	 */
	PROVIDER_REJECTED(true),

	/** The provider did not accept the message within the retry window. */
	PROVIDER_ERROR(false),

	/** The provider accepted it but reported that it did not reach the phone. */
	UNDELIVERED(true),

	/** The person was erased before it was sent. */
	ERASED(true);

	private final boolean permanent;

	FailureReason(boolean permanent) {
		this.permanent = permanent;
	}

	/**
	 * Whether trying again could never help.
	 * @return {@code true} when the failure is permanent
	 */
	public boolean permanent() {
		return this.permanent;
	}

}
