package org.plazo.stack;

/**
 * Why the stack cannot start, found before anything started, in words a person can act
 * on: the command line shows the message without a stack trace.
 */
final class StartupProblem extends IllegalStateException {

	StartupProblem(String message) {
		super(message);
	}

}
