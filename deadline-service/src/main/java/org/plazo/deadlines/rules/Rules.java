package org.plazo.deadlines.rules;

import static org.plazo.deadlines.rules.Counting.businessDaysAfter;
import static org.plazo.deadlines.rules.Counting.dateSet;
import static org.plazo.deadlines.rules.Counting.monthsAfter;
import static org.plazo.deadlines.rules.Counting.monthsFromNextBusinessDay;
import static org.plazo.deadlines.rules.Counting.validity;

import java.time.Period;
import java.util.List;

import org.plazo.deadlines.rules.CaseFacts.InterviewKind;

/**
 * The rules of the Panamanian asylum procedure, as a table a lawyer can read (RULES.md
 * explains each). Changing any rule means a new {@link #VERSION}, so that every case is
 * recomputed.
 */
final class Rules {

	static final String VERSION = "2026.1";

	private static final String SEEK_HELP = "seek legal help at once";

	private Rules() {
	}

	static List<Rule> standard(RuleProperties properties) {
		Period court = properties.supremeCourtTerm();
		// @formatter:off
		return List.of(
			new Rule("filing-window", DeadlineKind.FILING_WINDOW,
					"Decreto Ejecutivo 5 de 2018, art. 30",
					"Decreto Ejecutivo 5 de 2018, art. 30: the application is filed within six months counted from the business day after entering the country",
					monthsFromNextBusinessDay(Period.ofMonths(6)), Nature.FILING, Schedule.FILING_WINDOW,
					"the six months have passed and no application is recorded: " + SEEK_HELP + ". No good-cause exception for late filing is known; ONPAR can still take the application (orally if need be), and the case stays open for legal review",
					null, Triggers::filingWindow),
			new Rule("registration-interview", DeadlineKind.REGISTRATION_INTERVIEW,
					"Decreto Ejecutivo 5 de 2018",
					"Decreto Ejecutivo 5 de 2018: ONPAR sets the registration interview when the application is filed; each adult of the household is interviewed",
					dateSet(), Nature.APPOINTMENT, Schedule.INTERVIEW, null, null,
					Triggers.interviews(InterviewKind.REGISTRATION)),
			new Rule("extension-interview", DeadlineKind.EXTENSION_INTERVIEW,
					"Decreto Ejecutivo 5 de 2018",
					"Decreto Ejecutivo 5 de 2018: ONPAR may call extension interviews on a date it sets",
					dateSet(), Nature.APPOINTMENT, Schedule.INTERVIEW, null, null,
					Triggers.interviews(InterviewKind.EXTENSION)),
			new Rule("asylum-certificate", DeadlineKind.ASYLUM_CERTIFICATE,
					"Decreto Ejecutivo 5 de 2018",
					"Asylum-seeker certificate issued by ONPAR on filing, to be carried at all times; valid until the date it shows, or as extended by ONPAR resolution",
					validity(Period.ZERO), Nature.RENEWAL, Schedule.DOCUMENT,
					"the certificate has expired and no renewal is recorded: ask ONPAR to renew it and " + SEEK_HELP,
					null, Triggers::certificate),
			new Rule("provisional-card", DeadlineKind.PROVISIONAL_CARD,
					"Decreto Ejecutivo 5 de 2018",
					"Provisional ID card issued by the National Migration Service to each household member once the application is admitted: valid six months, renewable; ONPAR may extend cards in bulk by resolution",
					validity(Period.ofMonths(6)), Nature.RENEWAL, Schedule.DOCUMENT,
					"the provisional ID card has expired and no renewal is recorded: renew it and " + SEEK_HELP,
					null, Triggers::provisionalCards),
			new Rule("refugee-card", DeadlineKind.REFUGEE_CARD,
					"Decreto Ejecutivo 5 de 2018",
					"Identity document of a recognised refugee: valid one year, renewable",
					validity(Period.ofYears(1)), Nature.RENEWAL, Schedule.DOCUMENT,
					"the refugee ID card has expired and no renewal is recorded: renew it and " + SEEK_HELP,
					null, Triggers::refugeeCard),
			new Rule("work-permit", DeadlineKind.WORK_PERMIT,
					"Decreto Ejecutivo 5 de 2018",
					"Work permit of a recognised refugee, granted on request for the same period as the refugee ID card",
					validity(Period.ofYears(1)), Nature.RENEWAL, Schedule.DOCUMENT,
					"the work permit has expired and no renewal is recorded: renew it and " + SEEK_HELP,
					null, Triggers::workPermit),
			new Rule("refugee-travel-document", DeadlineKind.REFUGEE_TRAVEL_DOCUMENT,
					"Decreto Ejecutivo 5 de 2018",
					"Refugee travel document: valid one year, renewable",
					validity(Period.ofYears(1)), Nature.RENEWAL, Schedule.DOCUMENT,
					"the travel document has expired and no renewal is recorded: renew it before travelling",
					null, Triggers::travelDocument),
			new Rule("permanent-residence", DeadlineKind.PERMANENT_RESIDENCE,
					"Decreto Ejecutivo 5 de 2018",
					"Permanent residence may be requested after three or more years as a recognised refugee",
					monthsAfter(Period.ofYears(3)), Nature.INFORMATION, Schedule.NONE, null, null,
					Triggers::permanentResidence),
			new Rule("reconsideration", DeadlineKind.RECONSIDERATION,
					"Ley 38 de 2000, art. 67",
					"Reconsideration, in writing, filed at ONPAR and addressed to CONARE, within five business days following notification of the resolution; days counted as in Ley 38 de 2000, art. 67",
					businessDaysAfter(5), Nature.FILING, Schedule.FIVE_DAY_TERM,
					"the five business days have passed and no reconsideration is recorded: " + SEEK_HELP,
					null, Triggers::reconsiderations),
			new Rule("appeal", DeadlineKind.APPEAL,
					"Ley 38 de 2000, art. 67",
					"Appeal, filed at ONPAR and addressed to the Minister of Government, within five business days after notification of the reconsideration decision (Ley 38 de 2000, art. 67 counting); its decision ends the administrative route",
					businessDaysAfter(5), Nature.FILING, Schedule.FIVE_DAY_TERM,
					"the five business days have passed and no appeal is recorded: " + SEEK_HELP,
					null, Triggers::appeal),
			new Rule("supreme-court", DeadlineKind.SUPREME_COURT,
					"Ley 135 de 1943, art. 42-B",
					"Action of plena jurisdicción before the Third Chamber (Contentious-Administrative) of the Supreme Court: "
							+ Words.term(court) + " from notification of the appeal decision (Ley 135 de 1943, art. 42-B)",
					monthsAfter(court), Nature.FILING, Schedule.COURT_TERM,
					"the term for going to the Supreme Court has passed on the earliest reading: " + SEEK_HELP,
					"the starting point of the term (notification of the appeal decision is assumed) and its length; the term is configurable",
					Triggers::supremeCourt),
			new Rule("administrative-silence", DeadlineKind.ADMINISTRATIVE_SILENCE,
					"Ley 38 de 2000, art. 200",
					"Ley 38 de 2000, art. 200(2): two months without a decision on a reconsideration or appeal exhaust the administrative route (administrative silence)",
					monthsAfter(Period.ofMonths(2)), Nature.SILENCE, Schedule.NONE,
					"two months have passed with no decision recorded: the administrative route may be exhausted by silence, which can open the way to the Supreme Court; " + SEEK_HELP,
					null, Triggers::silence));
		// @formatter:on
	}

}
