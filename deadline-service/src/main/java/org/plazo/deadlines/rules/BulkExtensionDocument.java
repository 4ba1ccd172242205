package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A bulk extension as stored; dates as {@code YYYY-MM-DD} text (legal dates have no time
 * zone).
 */
@Document("bulk-extensions")
record BulkExtensionDocument(@Id String id, String resolution, Set<DeadlineKind> documents, String expiringFrom,
		String expiringTo, String validUntil) {

	static BulkExtensionDocument of(BulkExtension extension) {
		return new BulkExtensionDocument(extension.id(), extension.resolution(), extension.documents(),
				extension.expiringFrom().toString(), extension.expiringTo().toString(),
				extension.validUntil().toString());
	}

	BulkExtension toExtension() {
		return new BulkExtension(this.id, this.resolution, this.documents, LocalDate.parse(this.expiringFrom),
				LocalDate.parse(this.expiringTo), LocalDate.parse(this.validUntil));
	}

}
