/**
 * notify-service: turns due reminders into SMS and email messages, and wires the Kafka
 * plumbing shared by its features.
 */
package org.plazo.notify;
