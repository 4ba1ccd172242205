/**
 * Sending SMS: the gateway port, its adapters, and the GSM-7 alphabet that decides what a
 * message costs.
 */
package org.plazo.notify.sms;
