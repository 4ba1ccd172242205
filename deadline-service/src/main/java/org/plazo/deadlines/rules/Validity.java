package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A document's validity: the expiry printed on it or, failing that, the issue date plus
 * the term less one day (a card issued on 1 March for six months is valid through 31
 * August: the earlier of the two readings). ONPAR's bulk extensions then apply, earliest
 * first, so that one extension can carry a document into the range of the next.
 */
record Validity(Period term) implements Counting {

	@Override
	public Working count(Occurrence occurrence, Context context) {
		List<String> steps = new ArrayList<>();
		LocalDate expiry = occurrence.printedExpiry();
		if (expiry != null) {
			steps.add("Valid until " + Dates.day(expiry) + ", the date on the document.");
		}
		else {
			expiry = occurrence.start().plus(this.term).minusDays(1);
			steps.add("Issued " + Dates.day(occurrence.start()) + " and valid " + Words.term(this.term) + ", so until "
					+ Dates.day(expiry) + " (estimated: enter the date printed on it).");
		}
		List<BulkExtension> extensions = context.extensions()
			.stream()
			.sorted(Comparator.comparing(BulkExtension::validUntil))
			.toList();
		for (BulkExtension extension : extensions) {
			if (extension.extendsExpiry(context.kind(), expiry)) {
				steps.add("Extended to " + Dates.day(extension.validUntil()) + " by ONPAR resolution "
						+ extension.resolution() + " (documents expiring " + Dates.day(extension.expiringFrom())
						+ " to " + Dates.day(extension.expiringTo()) + ").");
				expiry = extension.validUntil();
			}
		}
		steps.add("Renew it before it expires: the last day is " + Dates.day(expiry) + ".");
		return new Working(expiry, Office.CLOSES, expiry, List.of(), steps);
	}

	@Override
	public String describe() {
		String validity = this.term.isZero() ? "valid until the date the document shows"
				: "valid " + Words.term(this.term) + " from issue unless the document shows its expiry";
		return validity + "; ONPAR bulk extensions apply";
	}

}
