package org.plazo.events.cases;

/**
 * What a decision on a reconsideration or an appeal decided.
 */
public enum DecisionOutcome {

	GRANTED, DENIED

}
