package org.plazo.notify.sms;

/**
 * Builds the package's adapters for tests in other packages.
 */
public final class SmsFixtures {

	private SmsFixtures() {
	}

	public static SmsGateway gateway(SmsProvider primary, SmsProvider secondary) {
		return new FailoverSmsGateway(primary, secondary);
	}

}
