package org.plazo.cases.cases;

/**
 * No case, or no event of a case, has the id asked for. The message is safe to show: it
 * names what is missing, not the id.
 */
public class NotFoundException extends RuntimeException {

	private NotFoundException(String message) {
		super(message);
	}

	public static NotFoundException noCase() {
		return new NotFoundException("There is no case with this id.");
	}

	static NotFoundException noEvent() {
		return new NotFoundException("This case has no event with this id.");
	}

	static NotFoundException noAssignment() {
		return new NotFoundException("This case has no assignment with this id.");
	}

}
