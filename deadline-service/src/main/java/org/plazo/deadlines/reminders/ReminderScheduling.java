package org.plazo.deadlines.reminders;

import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * What deadline tracking asks of reminders: store these, cancel those. Both are
 * idempotent, so a redelivered case event or a retried recomputation changes nothing.
 */
@Component
public class ReminderScheduling {

	private final ReminderStore store;

	private final ReminderDispatcher dispatcher;

	ReminderScheduling(ReminderStore store, ReminderDispatcher dispatcher) {
		this.store = store;
		this.dispatcher = dispatcher;
	}

	public void schedule(List<Reminder> reminders) {
		this.store.upsertAll(reminders);
		this.dispatcher.accept(reminders);
	}

	public void cancel(Collection<String> reminderIds) {
		this.store.cancelAll(reminderIds);
	}

	/** Deletes every reminder of a case, whatever its status; nothing more is sent. */
	public void forget(String caseId) {
		this.store.deleteCase(caseId);
	}

	public List<Reminder> find(Collection<String> reminderIds) {
		return this.store.byIds(reminderIds);
	}

}
