package org.plazo.deadlines.tracking;

import java.time.Instant;

/**
 * An event recorded with the state change that caused it, waiting in the case's document
 * until the relay has it on Kafka. Stored as its wire type name and JSON, never as a Java
 * class name.
 *
 * @param id the CloudEvents id, fixed once so a re-publish is recognised downstream
 * @param time when it happened
 * @param type the CloudEvents type name
 * @param json the event data
 */
record PendingEvent(String id, Instant time, String type, String json) {

}
