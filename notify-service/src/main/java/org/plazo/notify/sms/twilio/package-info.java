/**
 * SMS through Twilio's Programmable Messaging REST API: sending, status callbacks and
 * inbound messages, each webhook checked against Twilio's signature.
 */
package org.plazo.notify.sms.twilio;
