package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Published (as a Spring application event) when an operator adds or removes an ONPAR
 * bulk extension. Every document deadline ({@code PROVISIONAL_CARD},
 * {@code ASYLUM_CERTIFICATE}) whose last day lies between {@code from} and {@code to} may
 * have a new last day: recompute those cases.
 *
 * @param resolution the resolution number
 * @param from the first expiry date covered
 * @param to the later of the last expiry date covered and the new validity
 */
public record BulkExtensionChanged(String resolution, LocalDate from, LocalDate to) {

	public BulkExtensionChanged {
		Objects.requireNonNull(resolution, "resolution");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
	}

	static BulkExtensionChanged of(BulkExtension extension) {
		LocalDate to = extension.validUntil().isAfter(extension.expiringTo()) ? extension.validUntil()
				: extension.expiringTo();
		return new BulkExtensionChanged(extension.resolution(), extension.expiringFrom(), to);
	}

}
