/**
 * The Kafka feed for partners that consume Kafka: {@code plazo.partner-events.v1}.
 */
package org.plazo.notify.partners.feed;
