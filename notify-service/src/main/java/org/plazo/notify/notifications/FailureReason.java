package org.plazo.notify.notifications;

/**
 * Why a notification was not sent. The name goes on the wire as the reason code.
 */
public enum FailureReason {

	/** No case event told how to reach the person in time. */
	UNKNOWN_RECIPIENT(false),

	/** The person did not agree to be contacted, or withdrew consent. */
	NO_CONSENT(true),

	/** The person has no phone number or address for the channel they chose. */
	NO_ADDRESS(true),

	/** The provider did not accept the message within the retry window. */
	PROVIDER_ERROR(false);

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
