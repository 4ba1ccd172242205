/**
 * SMS through SMPP 3.4 (jSMPP), the protocol of local aggregators and carriers: one bound
 * transceiver session kept alive with enquire_link and reconnected with back-off.
 */
package org.plazo.notify.sms.smpp;
