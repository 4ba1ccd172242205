package org.plazo.notify.sms;

/**
 * A provider's acceptance of an SMS.
 *
 * @param provider the provider's name, recorded with the delivery
 * @param segments the SMS parts it will bill
 */
public record SmsReceipt(String provider, int segments) {

}
