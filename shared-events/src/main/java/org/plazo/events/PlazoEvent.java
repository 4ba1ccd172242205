package org.plazo.events;

/**
 * An event of any Plazo stream. Every event belongs to one case: its id is the Kafka key
 * and the CloudEvents {@code subject}, so one case's events stay ordered.
 */
public interface PlazoEvent {

	String caseId();

}
