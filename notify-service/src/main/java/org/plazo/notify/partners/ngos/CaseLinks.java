package org.plazo.notify.partners.ngos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Which organisations follow each case, with what consent: one document per case, read by
 * {@code _id} on every event fanned out; and an index from each organisation's case
 * reference to the case, so a reference is resolved by {@code _id} too. One case's events
 * arrive in order on one partition, so reading and saving its document is safe, and
 * applying an event twice changes nothing.
 */
@Service
public class CaseLinks implements InitializingBean {

	private final MongoOperations mongo;

	private final NgoRegistry registry;

	public CaseLinks(MongoOperations mongo, NgoRegistry registry) {
		this.mongo = mongo;
		this.registry = registry;
	}

	/** The index real MongoDB uses to find an organisation's cases. */
	@Override
	public void afterPropertiesSet() {
		this.mongo.indexOps(Links.class).createIndex(new Index("links.ngoId", Sort.Direction.ASC));
	}

	public void apply(CaseAssigned assigned) {
		Links links = load(assigned.caseId());
		if (links.find(assigned.assignmentId()).isPresent()) {
			return;
		}
		List<CaseLink> changed = new ArrayList<>(links.links());
		changed.add(new CaseLink(assigned.assignmentId(), assigned.ngoId(), assigned.sharedData(),
				assigned.assignedAt(), null));
		this.mongo.save(new Links(links.caseId(), changed));
		// An organisation not registered (yet) gets no reference: it can receive nothing.
		this.registry.find(assigned.ngoId())
			.ifPresent((ngo) -> this.mongo.save(new Reference(referenceId(ngo, assigned.caseId()), assigned.caseId())));
	}

	public void apply(AssignmentRevoked revoked) {
		Links links = load(revoked.caseId());
		links.find(revoked.assignmentId()).filter(CaseLink::active).ifPresent((link) -> {
			List<CaseLink> changed = new ArrayList<>(links.links());
			changed.set(changed.indexOf(link), new CaseLink(link.assignmentId(), link.ngoId(), link.sharedData(),
					link.assignedAt(), revoked.revokedAt()));
			this.mongo.save(new Links(links.caseId(), changed));
		});
	}

	/** The case's links that hold now. */
	public List<CaseLink> active(String caseId) {
		return load(caseId).links().stream().filter(CaseLink::active).toList();
	}

	/** The link of a case to one organisation that holds now. */
	public Optional<CaseLink> active(String caseId, String ngoId) {
		return active(caseId).stream().filter((link) -> link.ngoId().equals(ngoId)).findFirst();
	}

	/** Every link, past and present, of a case to one organisation, latest last. */
	public List<CaseLink> all(String caseId, String ngoId) {
		return load(caseId).links().stream().filter((link) -> link.ngoId().equals(ngoId)).toList();
	}

	/**
	 * The case an organisation's reference stands for, if the case was ever linked to
	 * that organisation.
	 */
	public Optional<String> caseOf(Ngo ngo, String caseRef) {
		if (caseRef == null || caseRef.length() > 64) {
			return Optional.empty();
		}
		Reference reference = this.mongo.findById(ngo.id() + ":" + caseRef, Reference.class);
		return Optional.ofNullable(reference).map(Reference::caseId);
	}

	/**
	 * The cases linked to an organisation now. Scans the links: an organisation's request
	 * (its case list, its calendar, a replay), never once per event.
	 */
	public List<String> activeCasesOf(String ngoId) {
		Query query = Query
			.query(Criteria.where("links").elemMatch(Criteria.where("ngoId").is(ngoId).and("revokedAt").is(null)));
		query.fields().include("_id");
		return this.mongo.find(query, Links.class).stream().map(Links::caseId).toList();
	}

	/** Every link of a case, past and present. */
	public List<CaseLink> all(String caseId) {
		return load(caseId).links();
	}

	/** Forgets a case's links and the organisations' references to it. */
	public void forget(String caseId) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(caseId)), Links.class);
		this.mongo.remove(Query.query(Criteria.where("caseId").is(caseId)), Reference.class);
	}

	private Links load(String caseId) {
		Links links = this.mongo.findById(caseId, Links.class);
		return (links != null) ? links : new Links(caseId, List.of());
	}

	private static String referenceId(Ngo ngo, String caseId) {
		return ngo.id() + ":" + CaseReferences.caseRef(ngo, caseId);
	}

	/**
	 * The links of one case.
	 */
	@Document("partner_case_links")
	record Links(@Id String caseId, List<CaseLink> links) {

		Links {
			links = (links != null) ? List.copyOf(links) : List.of();
		}

		Optional<CaseLink> find(String assignmentId) {
			return this.links.stream().filter((link) -> link.assignmentId().equals(assignmentId)).findFirst();
		}

	}

	/**
	 * One organisation's reference to a case: {@code _id} is {@code <ngoId>:<caseRef>}.
	 */
	@Document("partner_case_refs")
	record Reference(@Id String id, String caseId) {

	}

}
