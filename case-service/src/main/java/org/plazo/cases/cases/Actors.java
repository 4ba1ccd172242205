package org.plazo.cases.cases;

import java.security.Principal;

/**
 * Who makes a request, as audit entries and consent records name them.
 */
public final class Actors {

	/** A request without a principal (none reaches the API, which demands a token). */
	public static final String ANONYMOUS = "anonymous";

	/** The service itself: a scheduled job. */
	public static final String SYSTEM = "system";

	private Actors() {
	}

	/** The token's subject, or {@value #ANONYMOUS}. */
	public static String of(Principal principal) {
		return (principal != null && principal.getName() != null) ? principal.getName() : ANONYMOUS;
	}

}
