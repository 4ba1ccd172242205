/**
 * What operators see of deadline-service's connections from outside: dead letters and the
 * health of its Kafka connection (the reminder figures live with the reminders).
 */
package org.plazo.deadlines.observability;
