package org.plazo.events.cases;

/**
 * Why a case was closed.
 */
public enum ClosureReason {

	WITHDRAWN, DECIDED, ABANDONED, OTHER

}
