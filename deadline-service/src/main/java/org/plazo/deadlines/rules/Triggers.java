package org.plazo.deadlines.rules;

import static org.plazo.deadlines.rules.Dates.day;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.plazo.deadlines.rules.CaseFacts.Decision;
import org.plazo.deadlines.rules.CaseFacts.DecisionOutcome;
import org.plazo.deadlines.rules.CaseFacts.Document;
import org.plazo.deadlines.rules.CaseFacts.InterviewKind;
import org.plazo.deadlines.rules.CaseFacts.Recourse;
import org.plazo.deadlines.rules.CaseFacts.Resolution;
import org.plazo.deadlines.rules.CaseFacts.ResolutionOutcome;

/**
 * Where each rule starts in the case facts, and what settles it. One small function per
 * rule; {@link Rules} names them.
 */
final class Triggers {

	private Triggers() {
	}

	static List<Occurrence> filingWindow(CaseFacts facts) {
		if (facts.arrivalDate() == null) {
			return List.of();
		}
		Occurrence window = Occurrence.of("FILING_WINDOW", facts.arrivalDate(),
				"Entered Panama on " + day(facts.arrivalDate()) + ".");
		if (facts.applicationFiledOn() != null) {
			window = window.settled(DeadlineStatus.MET, facts.applicationFiledOn(),
					"Application filed on " + day(facts.applicationFiledOn()) + ".");
		}
		return List.of(window);
	}

	static Trigger interviews(InterviewKind kind) {
		String name = (kind == InterviewKind.REGISTRATION) ? "Registration" : "Extension";
		return (facts) -> facts.interviews()
			.stream()
			.filter((interview) -> interview.kind() == kind)
			.map((interview) -> Occurrence
				.of(kind.name() + "_INTERVIEW:" + interview.id(), interview.date(),
						name + " interview " + interview.id() + " set by ONPAR.")
				.at(interview.time()))
			.toList();
	}

	static List<Occurrence> certificate(CaseFacts facts) {
		Document certificate = facts.certificate();
		if (certificate == null || certificate.expiresOn() == null) {
			return List.of();
		}
		String issued = (certificate.issuedOn() != null) ? ", issued " + day(certificate.issuedOn()) : "";
		Occurrence occurrence = Occurrence
			.of("ASYLUM_CERTIFICATE", certificate.issuedOn(), "Asylum-seeker certificate" + issued + ".")
			.expiringOn(certificate.expiresOn());
		return List.of(replacedOnRecognition(facts, occurrence));
	}

	static List<Occurrence> provisionalCards(CaseFacts facts) {
		return facts.provisionalCards()
			.stream()
			.map((card) -> replacedOnRecognition(facts,
					Occurrence
						.of("PROVISIONAL_CARD:" + card.memberRef(), card.issuedOn(),
								"Provisional ID card of household member " + card.memberRef() + " issued "
										+ day(card.issuedOn()) + ".")
						.expiringOn(card.expiresOn())))
			.toList();
	}

	static List<Occurrence> refugeeCard(CaseFacts facts) {
		return document(facts.refugeeCard(), "REFUGEE_CARD", "Refugee ID card");
	}

	static List<Occurrence> workPermit(CaseFacts facts) {
		return document(facts.refugeeCard(), "WORK_PERMIT",
				"Work permit, if one was granted with the refugee ID card (same period)");
	}

	static List<Occurrence> travelDocument(CaseFacts facts) {
		return document(facts.travelDocument(), "REFUGEE_TRAVEL_DOCUMENT", "Refugee travel document");
	}

	static List<Occurrence> permanentResidence(CaseFacts facts) {
		if (facts.refugeeStatusGrantedOn() == null) {
			return List.of();
		}
		return List.of(Occurrence.of("PERMANENT_RESIDENCE", facts.refugeeStatusGrantedOn(),
				"Refugee status granted on " + day(facts.refugeeStatusGrantedOn()) + "."));
	}

	/**
	 * A reconsideration term for each rejecting resolution; the one reconsideration on
	 * record meets the term it was filed in, and a later resolution supersedes an earlier
	 * term.
	 */
	static List<Occurrence> reconsiderations(CaseFacts facts) {
		List<Resolution> resolutions = facts.resolutions();
		List<Occurrence> terms = new ArrayList<>();
		for (int i = 0; i < resolutions.size(); i++) {
			Resolution resolution = resolutions.get(i);
			if (resolution.outcome() != ResolutionOutcome.REJECTED) {
				continue;
			}
			Resolution next = (i + 1 < resolutions.size()) ? resolutions.get(i + 1) : null;
			Occurrence term = Occurrence.of("RECONSIDERATION:" + resolution.id(), resolution.notifiedOn(), "Resolution "
					+ resolution.id() + " rejecting the application notified on " + day(resolution.notifiedOn()) + ".");
			Recourse reconsideration = facts.reconsideration();
			if (reconsideration != null && reconsideration.filedOn() != null
					&& !reconsideration.filedOn().isBefore(resolution.notifiedOn())
					&& (next == null || reconsideration.filedOn().isBefore(next.notifiedOn()))) {
				term = term.settled(DeadlineStatus.MET, reconsideration.filedOn(),
						"Reconsideration filed on " + day(reconsideration.filedOn()) + ".");
			}
			else if (next != null) {
				term = term.settled(DeadlineStatus.CANCELLED, next.notifiedOn(),
						"Superseded by resolution " + next.id() + " notified on " + day(next.notifiedOn()) + ".");
			}
			terms.add(term);
		}
		return terms;
	}

	static List<Occurrence> appeal(CaseFacts facts) {
		Decision decision = denied(facts.reconsideration());
		if (decision == null) {
			return List.of();
		}
		Occurrence term = Occurrence.of("APPEAL", decision.notifiedOn(),
				"Reconsideration denied; decision notified on " + day(decision.notifiedOn()) + ".");
		Recourse appeal = facts.appeal();
		if (appeal != null && appeal.filedOn() != null && !appeal.filedOn().isBefore(decision.notifiedOn())) {
			term = term.settled(DeadlineStatus.MET, appeal.filedOn(), "Appeal filed on " + day(appeal.filedOn()) + ".");
		}
		return List.of(term);
	}

	static List<Occurrence> supremeCourt(CaseFacts facts) {
		Decision decision = denied(facts.appeal());
		if (decision == null) {
			return List.of();
		}
		return List.of(Occurrence.of("SUPREME_COURT", decision.notifiedOn(), "Appeal denied; decision notified on "
				+ day(decision.notifiedOn()) + ": the administrative route is exhausted."));
	}

	static List<Occurrence> silence(CaseFacts facts) {
		List<Occurrence> terms = new ArrayList<>(2);
		silence(facts.reconsideration(), "RECONSIDERATION", "Reconsideration").ifPresent(terms::add);
		silence(facts.appeal(), "APPEAL", "Appeal").ifPresent(terms::add);
		return terms;
	}

	private static Optional<Occurrence> silence(Recourse recourse, String id, String name) {
		if (recourse == null || recourse.filedOn() == null) {
			return Optional.empty();
		}
		Occurrence term = Occurrence.of("ADMINISTRATIVE_SILENCE:" + id, recourse.filedOn(),
				name + " filed on " + day(recourse.filedOn()) + "; no decision is recorded.");
		if (recourse.decision() != null) {
			term = term.settled(DeadlineStatus.CANCELLED, recourse.decision().notifiedOn(),
					"Decided; the decision was notified on " + day(recourse.decision().notifiedOn()) + ".");
		}
		return Optional.of(term);
	}

	private static Decision denied(Recourse recourse) {
		if (recourse == null || recourse.decision() == null
				|| recourse.decision().outcome() != DecisionOutcome.DENIED) {
			return null;
		}
		return recourse.decision();
	}

	private static List<Occurrence> document(Document document, String id, String name) {
		if (document == null) {
			return List.of();
		}
		String issued = (document.issuedOn() != null) ? " issued " + day(document.issuedOn()) : "";
		return List.of(Occurrence.of(id, document.issuedOn(), name + issued + ".").expiringOn(document.expiresOn()));
	}

	/**
	 * An asylum seeker's documents give way to the refugee card once status is granted.
	 */
	private static Occurrence replacedOnRecognition(CaseFacts facts, Occurrence document) {
		if (facts.refugeeStatusGrantedOn() == null) {
			return document;
		}
		return document.settled(DeadlineStatus.CANCELLED, facts.refugeeStatusGrantedOn(), "Refugee status granted on "
				+ day(facts.refugeeStatusGrantedOn()) + ": the refugee ID card replaces this document.");
	}

}
