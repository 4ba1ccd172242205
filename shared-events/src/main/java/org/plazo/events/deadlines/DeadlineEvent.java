package org.plazo.events.deadlines;

import org.plazo.events.PlazoEvent;

/**
 * The deadline stream: deadlines computed for a case and the reminders that fall due.
 */
public sealed interface DeadlineEvent extends PlazoEvent permits DeadlineScheduled, DeadlineRescheduled,
		DeadlineCancelled, DeadlineMet, DeadlineMissed, SilenceAlert, ReminderDue {

}
