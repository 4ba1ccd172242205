package org.plazo.notify.notifications;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The hours no SMS is sent, in Panama's time: by default from 20:00 to 07:00. The window
 * may cross midnight; start and end equal means no quiet hours.
 *
 * @param start when the quiet hours begin
 * @param end when they end
 */
record QuietHours(LocalTime start, LocalTime end) {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	/**
	 * When a message due now may be sent.
	 * @param now the current time
	 * @return the end of the quiet hours when now is inside them, otherwise empty
	 */
	Optional<Instant> deferUntil(Instant now) {
		if (this.start.equals(this.end)) {
			return Optional.empty();
		}
		ZonedDateTime local = now.atZone(PANAMA);
		LocalTime time = local.toLocalTime();
		boolean crossesMidnight = this.start.isAfter(this.end);
		boolean quiet = crossesMidnight ? (!time.isBefore(this.start) || time.isBefore(this.end))
				: (!time.isBefore(this.start) && time.isBefore(this.end));
		if (!quiet) {
			return Optional.empty();
		}
		ZonedDateTime end = local.with(this.end);
		if (!end.isAfter(local)) {
			end = end.plusDays(1);
		}
		return Optional.of(end.toInstant());
	}

}
