package org.plazo.events.cases;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The person filed the asylum application at ONPAR, which ends the filing window.
 *
 * @param caseId the case
 * @param filedOn the day it was filed (America/Panama)
 */
public record ApplicationFiled(String caseId, LocalDate filedOn) implements CaseEvent {

	public ApplicationFiled {
		Objects.requireNonNull(caseId, "caseId");
		Objects.requireNonNull(filedOn, "filedOn");
	}

}
