package org.plazo.notify.sms;

/**
 * What the application does with an SMS a person sent. Adapters call it for every inbound
 * message they receive (Twilio webhook, SMPP deliver_sm).
 */
public interface InboundSmsHandler {

	void onInbound(InboundSms sms);

}
