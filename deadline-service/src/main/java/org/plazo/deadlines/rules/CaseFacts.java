package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What is known about a case that bears on its deadlines. Built by the deadlines package
 * from the case events; the engine reads nothing else. Immutable: each {@code with...}
 * method returns a copy with one fact added or corrected.
 *
 * @param caseId the case
 * @param arrivalDate the day the person entered Panama, or {@code null} if unknown
 * @param applicationFiledOn the day the asylum application was filed at ONPAR
 * @param certificate the asylum-seeker certificate
 * @param interviews registration and extension interviews, as set by ONPAR
 * @param provisionalCards the latest provisional ID card of each household member
 * @param resolutions resolutions notified to the person, in the order notified
 * @param reconsideration the reconsideration filed against a rejecting resolution
 * @param appeal the appeal to the Minister of Government
 * @param refugeeStatusGrantedOn the day refugee status was granted
 * @param refugeeCard the refugee ID card
 * @param travelDocument the refugee travel document
 * @param closing when and why the case was closed or withdrawn
 */
public record CaseFacts(String caseId, LocalDate arrivalDate, LocalDate applicationFiledOn, Document certificate,
		List<Interview> interviews, List<ProvisionalCard> provisionalCards, List<Resolution> resolutions,
		Recourse reconsideration, Recourse appeal, LocalDate refugeeStatusGrantedOn, Document refugeeCard,
		Document travelDocument, Closing closing) {

	public CaseFacts {
		Objects.requireNonNull(caseId, "caseId");
		interviews = (interviews != null) ? List.copyOf(interviews) : List.of();
		provisionalCards = (provisionalCards != null) ? List.copyOf(provisionalCards) : List.of();
		resolutions = (resolutions != null) ? List.copyOf(resolutions) : List.of();
	}

	public static CaseFacts opened(String caseId, LocalDate arrivalDate) {
		return new CaseFacts(caseId, arrivalDate, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** A corrected arrival date. */
	public CaseFacts withArrivalDate(LocalDate arrivalDate) {
		return new CaseFacts(this.caseId, arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	public CaseFacts withApplicationFiled(LocalDate filedOn) {
		return new CaseFacts(this.caseId, this.arrivalDate, filedOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	/**
	 * The asylum-seeker certificate.
	 * @param validUntil the last day it is valid, or {@code null} if it shows none
	 */
	public CaseFacts withCertificate(LocalDate issuedOn, LocalDate validUntil) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, new Document(issuedOn, validUntil),
				this.interviews, this.provisionalCards, this.resolutions, this.reconsideration, this.appeal,
				this.refugeeStatusGrantedOn, this.refugeeCard, this.travelDocument, this.closing);
	}

	/** An interview set by ONPAR; one with the same id is rescheduled. */
	public CaseFacts withInterview(String id, InterviewKind kind, LocalDate date, LocalTime time) {
		List<Interview> all = replacing(this.interviews, (interview) -> interview.id().equals(id),
				new Interview(id, kind, date, time));
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, all,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	/**
	 * A provisional ID card issued or renewed for a household member. A card issued later
	 * replaces the member's earlier one; an older card arriving late is ignored.
	 * @param expiresOn the expiry printed on the card, or {@code null} to estimate six
	 * months from issue
	 */
	public CaseFacts withProvisionalCard(String memberRef, LocalDate issuedOn, LocalDate expiresOn) {
		ProvisionalCard card = new ProvisionalCard(memberRef, issuedOn, expiresOn);
		boolean newer = this.provisionalCards.stream()
			.filter((other) -> other.memberRef().equals(memberRef))
			.allMatch((other) -> !issuedOn.isBefore(other.issuedOn()));
		if (!newer) {
			return this;
		}
		List<ProvisionalCard> all = replacing(this.provisionalCards, (other) -> other.memberRef().equals(memberRef),
				card);
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				all, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn, this.refugeeCard,
				this.travelDocument, this.closing);
	}

	/** A resolution notified to the person; one with the same id is corrected. */
	public CaseFacts withResolution(String id, ResolutionOutcome outcome, LocalDate notifiedOn) {
		List<Resolution> all = new ArrayList<>(replacing(this.resolutions, (resolution) -> resolution.id().equals(id),
				new Resolution(id, outcome, notifiedOn)));
		all.sort(Comparator.comparing(Resolution::notifiedOn));
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, all, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	public CaseFacts withReconsiderationFiled(LocalDate filedOn) {
		Decision decision = (this.reconsideration != null) ? this.reconsideration.decision() : null;
		return withReconsideration(new Recourse(filedOn, decision));
	}

	public CaseFacts withReconsiderationDecided(DecisionOutcome outcome, LocalDate notifiedOn) {
		LocalDate filedOn = (this.reconsideration != null) ? this.reconsideration.filedOn() : null;
		return withReconsideration(new Recourse(filedOn, new Decision(outcome, notifiedOn)));
	}

	public CaseFacts withAppealFiled(LocalDate filedOn) {
		Decision decision = (this.appeal != null) ? this.appeal.decision() : null;
		return withAppeal(new Recourse(filedOn, decision));
	}

	public CaseFacts withAppealDecided(DecisionOutcome outcome, LocalDate notifiedOn) {
		LocalDate filedOn = (this.appeal != null) ? this.appeal.filedOn() : null;
		return withAppeal(new Recourse(filedOn, new Decision(outcome, notifiedOn)));
	}

	public CaseFacts withRefugeeStatusGranted(LocalDate grantedOn) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, grantedOn, this.refugeeCard,
				this.travelDocument, this.closing);
	}

	/**
	 * The refugee ID card (a renewal replaces the earlier one).
	 * @param expiresOn the printed expiry, or {@code null} to estimate one year from
	 * issue
	 */
	public CaseFacts withRefugeeCard(LocalDate issuedOn, LocalDate expiresOn) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				new Document(issuedOn, expiresOn), this.travelDocument, this.closing);
	}

	/**
	 * The refugee travel document (a renewal replaces the earlier one).
	 * @param expiresOn the printed expiry, or {@code null} to estimate one year from
	 * issue
	 */
	public CaseFacts withTravelDocument(LocalDate issuedOn, LocalDate expiresOn) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, new Document(issuedOn, expiresOn), this.closing);
	}

	/** The case was closed or withdrawn: open deadlines are cancelled. */
	public CaseFacts withClosed(LocalDate closedOn, String reason) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, new Closing(closedOn, reason));
	}

	private CaseFacts withReconsideration(Recourse reconsideration) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, reconsideration, this.appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	private CaseFacts withAppeal(Recourse appeal) {
		return new CaseFacts(this.caseId, this.arrivalDate, this.applicationFiledOn, this.certificate, this.interviews,
				this.provisionalCards, this.resolutions, this.reconsideration, appeal, this.refugeeStatusGrantedOn,
				this.refugeeCard, this.travelDocument, this.closing);
	}

	private static <T> List<T> replacing(List<T> list, Predicate<T> same, T replacement) {
		List<T> result = new ArrayList<>(list.size() + 1);
		list.stream().filter(same.negate()).forEach(result::add);
		result.add(replacement);
		return result;
	}

	/** A document with its validity. */
	public record Document(LocalDate issuedOn, LocalDate expiresOn) {

		public Document {
			if (issuedOn == null && expiresOn == null) {
				throw new IllegalArgumentException("A document needs its issue or its expiry date");
			}
		}

	}

	public enum InterviewKind {

		REGISTRATION, EXTENSION

	}

	/** An interview at ONPAR on the date and time it set. */
	public record Interview(String id, InterviewKind kind, LocalDate date, LocalTime time) {

		public Interview {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(date, "date");
		}

	}

	/** A household member's provisional ID card; {@code memberRef} is not a name. */
	public record ProvisionalCard(String memberRef, LocalDate issuedOn, LocalDate expiresOn) {

		public ProvisionalCard {
			Objects.requireNonNull(memberRef, "memberRef");
			Objects.requireNonNull(issuedOn, "issuedOn");
		}

	}

	public enum ResolutionOutcome {

		ADMITTED, REJECTED

	}

	/** An ONPAR or CONARE resolution as notified to the person. */
	public record Resolution(String id, ResolutionOutcome outcome, LocalDate notifiedOn) {

		public Resolution {
			Objects.requireNonNull(id, "id");
			Objects.requireNonNull(outcome, "outcome");
			Objects.requireNonNull(notifiedOn, "notifiedOn");
		}

	}

	public enum DecisionOutcome {

		GRANTED, DENIED

	}

	/** The decision on a reconsideration or appeal, as notified. */
	public record Decision(DecisionOutcome outcome, LocalDate notifiedOn) {

		public Decision {
			Objects.requireNonNull(outcome, "outcome");
			Objects.requireNonNull(notifiedOn, "notifiedOn");
		}

	}

	/** A reconsideration or appeal: when filed, and its decision once notified. */
	public record Recourse(LocalDate filedOn, Decision decision) {

	}

	/** A case closed or withdrawn. */
	public record Closing(LocalDate closedOn, String reason) {

		public Closing {
			Objects.requireNonNull(closedOn, "closedOn");
		}

	}

}
