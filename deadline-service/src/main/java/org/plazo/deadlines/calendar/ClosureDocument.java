package org.plazo.deadlines.calendar;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A closure as stored. The date is kept as {@code YYYY-MM-DD} text: a legal date has no
 * time zone, and the driver's date type would give it one.
 */
@Document("closures")
record ClosureDocument(@Id String id, String date, ClosureKind kind, String reason, String source) {

	static ClosureDocument of(Closure closure) {
		return new ClosureDocument(closure.id(), closure.date().toString(), closure.kind(), closure.reason(),
				closure.source());
	}

	Closure toClosure() {
		return new Closure(this.id, LocalDate.parse(this.date), this.kind, this.reason, this.source);
	}

}
