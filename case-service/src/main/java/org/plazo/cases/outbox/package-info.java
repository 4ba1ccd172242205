/**
 * The transactional outbox without transactions: events wait inside their aggregate's
 * document until the relay has them acknowledged by Kafka.
 */
package org.plazo.cases.outbox;
