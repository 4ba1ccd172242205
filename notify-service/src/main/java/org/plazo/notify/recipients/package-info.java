/**
 * The people reminders go to: how and in which language each case's applicant wants to be
 * reached, learnt from case events.
 */
package org.plazo.notify.recipients;
