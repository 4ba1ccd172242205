/**
 * What operators see of notify-service from outside: deliveries, SMS segments, webhook
 * attempts, opt-outs, the outbox backlog, dead letters and the health of its Kafka
 * connection.
 */
package org.plazo.notify.observability;
