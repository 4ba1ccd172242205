package org.plazo.deadlines.tracking;

import org.plazo.deadlines.calendar.CalendarChanged;
import org.plazo.deadlines.rules.BulkExtensionChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An operator changed the calendar or entered a bulk extension: recompute the deadlines
 * it may touch.
 */
@Component
class CalendarChangeListener {

	private final DeadlineTracking tracking;

	CalendarChangeListener(DeadlineTracking tracking) {
		this.tracking = tracking;
	}

	@EventListener
	void on(CalendarChanged change) {
		this.tracking.recomputeFrom(change.from(), DeadlineTracking.CALENDAR_CHANGED);
	}

	@EventListener
	void on(BulkExtensionChanged change) {
		this.tracking.recomputeFrom(change.from(), DeadlineTracking.BULK_EXTENSION);
	}

}
