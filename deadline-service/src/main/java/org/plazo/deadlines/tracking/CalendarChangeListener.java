package org.plazo.deadlines.tracking;

import org.plazo.deadlines.calendar.CalendarChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A closure or bulk extension was added or removed: recompute the deadlines it may touch.
 */
@Component
class CalendarChangeListener {

	private final DeadlineTracking tracking;

	CalendarChangeListener(DeadlineTracking tracking) {
		this.tracking = tracking;
	}

	@EventListener
	void on(CalendarChanged change) {
		this.tracking.calendarChanged(change.from());
	}

}
