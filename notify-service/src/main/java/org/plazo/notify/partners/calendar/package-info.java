/**
 * Calendar feeds: each organisation's deadlines of its linked cases as an iCalendar (RFC
 * 5545) feed at a secret, revocable URL, kept from the deadline stream.
 */
package org.plazo.notify.partners.calendar;
