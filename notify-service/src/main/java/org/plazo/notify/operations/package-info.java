/**
 * Operations API for the operator console: failed and unacknowledged deliveries, a case's
 * deliveries, audited retries, people who opted out during a five-day term, NGO webhook
 * health and delivery statistics, for operator and viewer tokens (retries: operators).
 */
package org.plazo.notify.operations;
