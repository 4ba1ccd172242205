package org.plazo.events.cases;

/**
 * What a resolution on the application decided.
 */
public enum ResolutionOutcome {

	ADMITTED, REJECTED

}
