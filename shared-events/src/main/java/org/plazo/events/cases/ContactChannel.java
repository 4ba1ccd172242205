package org.plazo.events.cases;

/**
 * How a person prefers to be reached.
 */
public enum ContactChannel {

	SMS, EMAIL

}
