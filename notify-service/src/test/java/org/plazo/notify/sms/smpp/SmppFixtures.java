package org.plazo.notify.sms.smpp;

/**
 * The SMPP adapter's class and settings, for tests in other packages.
 */
public final class SmppFixtures {

	private SmppFixtures() {
	}

	public static Class<?> adapterClass() {
		return SmppSms.class;
	}

	/**
	 * Settings for an SMSC that is not there: the adapter keeps trying to bind, in the
	 * background.
	 * @return property values
	 */
	public static String[] properties() {
		return new String[] { "plazo.sms.smpp.host=127.0.0.1", "plazo.sms.smpp.port=9",
				"plazo.sms.smpp.system-id=plazo", "plazo.sms.smpp.password=secret", "plazo.sms.smpp.system-type=",
				"plazo.sms.smpp.source-address=Plazo", "plazo.sms.smpp.enquire-link-interval=PT30S",
				"plazo.sms.smpp.response-timeout=PT1S", "plazo.sms.smpp.reconnect.initial=PT1M",
				"plazo.sms.smpp.reconnect.max=PT1M", "plazo.sms.smpp.segments-per-second=10",
				"plazo.sms.smpp.burst=20" };
	}

}
