package org.plazo.cases.cases;

import java.time.Clock;

/**
 * A {@link CaseOpenings} for unit tests of other packages that only check, never open.
 */
public final class TestCaseOpenings {

	private TestCaseOpenings() {
	}

	public static CaseOpenings checkingAt(Clock clock) {
		return new CaseOpenings(null, null, null, clock, "2026-11");
	}

}
