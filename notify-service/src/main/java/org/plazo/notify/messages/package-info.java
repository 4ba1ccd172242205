/**
 * Writing reminders: per deadline kind and language, short for SMS and in full for email.
 */
package org.plazo.notify.messages;
