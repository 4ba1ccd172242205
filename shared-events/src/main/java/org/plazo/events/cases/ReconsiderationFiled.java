package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person filed a request for reconsideration with CONARE.
 *
 * @param caseId the case
 * @param filedOn the day it was filed
 */
public record ReconsiderationFiled(String caseId, LocalDate filedOn) implements CaseEvent {

	public ReconsiderationFiled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(filedOn, "filedOn");
	}

}
