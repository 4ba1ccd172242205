package org.plazo.events.cases;

/**
 * The kind of an ONPAR interview.
 */
public enum InterviewKind {

	REGISTRATION, EXTENSION

}
