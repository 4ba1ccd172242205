/**
 * Operations API for the operator console: failed and unacknowledged deliveries, a case's
 * deliveries, audited retries, people who opted out during a five-day term, NGO webhook
 * health and delivery statistics, behind the operations token.
 */
package org.plazo.notify.operations;
