package org.plazo.cases.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * Read-only access to a case for other features of this service (the operator console):
 * what was registered and the facts recorded since, by {@code _id}.
 */
@Service
public class CaseRecords {

	private final Cases cases;

	CaseRecords(Cases cases) {
		this.cases = cases;
	}

	/**
	 * @param caseId the case id
	 * @return the case, or empty when there is no such case
	 */
	public Optional<CaseRecord> find(String caseId) {
		if (caseId == null || caseId.isBlank() || caseId.length() > 200) {
			return Optional.empty();
		}
		return this.cases.findById(caseId).map(CaseRecords::record);
	}

	private static CaseRecord record(Case aCase) {
		Applicant applicant = aCase.applicant();
		return new CaseRecord(aCase.id(), applicant.name(), applicant.preferredLanguage(), applicant.phone(),
				applicant.email(), (applicant.preferredChannel() != null) ? applicant.preferredChannel().name() : null,
				aCase.arrivalDate(), aCase.household().size(), aCase.openedAt(),
				aCase.facts()
					.stream()
					.map((fact) -> new RecordedFact(fact.eventId(), fact.type(), fact.recordedAt(), fact.data()))
					.toList());
	}

	/**
	 * A case as stored.
	 *
	 * @param caseId the id
	 * @param name the applicant's name, or {@code null} (self-registered by SMS)
	 * @param preferredLanguage ISO 639 code
	 * @param phone E.164 phone number, or {@code null}
	 * @param email email address, or {@code null}
	 * @param preferredChannel {@code SMS} or {@code EMAIL}
	 * @param arrivalDate the day the person arrived in Panama
	 * @param householdSize how many family members are registered with the applicant
	 * @param openedAt when the case was opened
	 * @param facts the facts of the procedure, in order
	 */
	public record CaseRecord(String caseId, String name, String preferredLanguage, String phone, String email,
			String preferredChannel, LocalDate arrivalDate, int householdSize, Instant openedAt,
			List<RecordedFact> facts) {

	}

	/**
	 * One fact of the procedure as recorded.
	 *
	 * @param eventId the event id
	 * @param type the CloudEvents type, e.g. {@code org.plazo.case.application-filed.v1}
	 * @param recordedAt when it was recorded
	 * @param data the event's JSON
	 */
	public record RecordedFact(String eventId, String type, Instant recordedAt, String data) {

	}

}
