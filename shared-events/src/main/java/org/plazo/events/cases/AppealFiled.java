package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person appealed to the Minister of Government.
 *
 * @param caseId the case
 * @param filedOn the day it was filed
 */
public record AppealFiled(String caseId, LocalDate filedOn) implements CaseEvent {

	public AppealFiled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(filedOn, "filedOn");
	}

}
