/**
 * Sending email through SMTP.
 */
package org.plazo.notify.email;
