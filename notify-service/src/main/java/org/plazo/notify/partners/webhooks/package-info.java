/**
 * Webhooks: the endpoints an organisation registers, deliveries signed per Standard
 * Webhooks 1.0 and retried on a schedule driven by the clock, in order per case and
 * endpoint, with a delivery log and replays.
 */
package org.plazo.notify.partners.webhooks;
