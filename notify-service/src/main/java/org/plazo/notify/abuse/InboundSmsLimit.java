package org.plazo.notify.abuse;

import java.time.Duration;

import org.plazo.notify.conversations.TwoWaySms;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.InboundSmsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inbound SMS beyond the limit of their sender are dropped unanswered: a reply to each
 * would let anyone spend the SMS budget (and flood a third party's phone, when the sender
 * is spoofed). A request to stop the messages always goes through. Every adapter (Twilio,
 * SMPP) reaches the conversations through it.
 */
class InboundSmsLimit implements InboundSmsHandler {

	private static final Logger log = LoggerFactory.getLogger(InboundSmsLimit.class);

	private final RateLimits senders;

	private final InboundSmsHandler conversations;

	InboundSmsLimit(RateLimits senders, InboundSmsHandler conversations) {
		this.senders = senders;
		this.conversations = conversations;
	}

	@Override
	public void onInbound(InboundSms sms) {
		if (TwoWaySms.isOptOut(String.valueOf(sms.text()))) {
			// Stopping the messages is always honoured, and confirmed only once.
			this.conversations.onInbound(sms);
			return;
		}
		Duration wait = this.senders.take(String.valueOf(sms.from()).replaceAll("[^0-9]", ""));
		if (!wait.isZero()) {
			log.warn("Inbound SMS through {} not answered: its sender passed the limit", sms.provider());
			return;
		}
		this.conversations.onInbound(sms);
	}

}
