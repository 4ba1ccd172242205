/**
 * What operators see of case-service from outside: its business metrics, the outbox
 * backlog, dead letters and the health of its Kafka connection.
 */
package org.plazo.cases.observability;
