package org.plazo.deadlines.rules;

import java.util.List;

/**
 * Finds the instances of a rule in a case's facts.
 */
@FunctionalInterface
interface Trigger {

	List<Occurrence> find(CaseFacts facts);

}
