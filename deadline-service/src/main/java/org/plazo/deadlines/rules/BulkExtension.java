package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * An ONPAR resolution extending documents in bulk: every document of the given kinds
 * expiring between {@code expiringFrom} and {@code expiringTo} is valid until
 * {@code validUntil} (e.g. Resolution P-095-20 extended asylum-seeker cards to 15 May
 * 2020).
 *
 * @param id assigned on creation
 * @param resolution the resolution number, e.g. {@code P-095-20}
 * @param documents the document kinds it covers
 * @param expiringFrom first expiry date covered
 * @param expiringTo last expiry date covered (inclusive)
 * @param validUntil the new last day of validity
 */
public record BulkExtension(String id, String resolution, Set<DeadlineKind> documents, LocalDate expiringFrom,
		LocalDate expiringTo, LocalDate validUntil) {

	public BulkExtension {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(expiringFrom, "expiringFrom");
		Objects.requireNonNull(expiringTo, "expiringTo");
		Objects.requireNonNull(validUntil, "validUntil");
		documents = Set.copyOf(documents);
		if (documents.isEmpty() || !documents.stream().allMatch(DeadlineKind::bulkExtensible)) {
			throw new IllegalArgumentException("A bulk extension covers provisional cards or certificates only");
		}
		if (expiringTo.isBefore(expiringFrom)) {
			throw new IllegalArgumentException("expiringTo is before expiringFrom");
		}
		if (!validUntil.isAfter(expiringFrom)) {
			throw new IllegalArgumentException("validUntil does not extend anything");
		}
	}

	/** Whether it extends a document of {@code kind} expiring on {@code expiry}. */
	boolean extendsExpiry(DeadlineKind kind, LocalDate expiry) {
		return this.documents.contains(kind) && !expiry.isBefore(this.expiringFrom) && !expiry.isAfter(this.expiringTo)
				&& this.validUntil.isAfter(expiry);
	}

}
