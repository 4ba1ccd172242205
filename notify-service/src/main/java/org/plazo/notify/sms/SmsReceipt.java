package org.plazo.notify.sms;

import java.util.List;

/**
 * A provider's acceptance of an SMS.
 *
 * @param provider the provider's name, recorded with the delivery
 * @param segments the SMS parts it will bill
 * @param messageIds the provider's ids of the message (one per part on SMPP), by which
 * its delivery reports name it
 */
public record SmsReceipt(String provider, int segments, List<String> messageIds) {

	public SmsReceipt {
		messageIds = List.copyOf(messageIds);
	}

	public SmsReceipt(String provider, int segments) {
		this(provider, segments, List.of());
	}

}
