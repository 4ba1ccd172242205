package org.plazo.deadlines.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps the operator's closures and observances, and the current calendar built from
 * them, in memory: the engine reads {@link #current()} thousands of times a second and
 * must not touch the database.
 */
@Service
public class CalendarManagement {

	private static final Log logger = LogFactory.getLog(CalendarManagement.class);

	private final Closures closures;

	private final ApplicationEventPublisher events;

	private volatile Snapshot snapshot;

	CalendarManagement(Closures closures, ApplicationEventPublisher events) {
		this.closures = closures;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStartUp() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// Not fatal: the first use loads them again.
			logger.warn("Could not load the calendar closures at start-up", ex);
		}
	}

	/** The calendar with every stored closure, on the earliest reading. */
	public BusinessCalendar current() {
		return snapshot().calendar();
	}

	/** The stored closures and observances, in date order. */
	public List<Closure> closures() {
		return snapshot().closures();
	}

	public Closure add(LocalDate date, ClosureKind kind, String reason, String source) {
		Closure closure = new Closure(UUID.randomUUID().toString(), date, kind, reason, source);
		this.closures.save(ClosureDocument.of(closure));
		refresh();
		this.events.publishEvent(new CalendarChanged(date, date));
		return closure;
	}

	/** Removes a closure; {@code false} if there is none with that id. */
	public boolean remove(String id) {
		return this.closures.findById(id).map((document) -> {
			this.closures.deleteById(id);
			refresh();
			LocalDate date = LocalDate.parse(document.date());
			this.events.publishEvent(new CalendarChanged(date, date));
			return true;
		}).orElse(false);
	}

	/**
	 * Reloads the closures from the database. Called after each local change; a periodic
	 * job should call it too when several instances run, since another may have changed
	 * them.
	 */
	public void refresh() {
		List<Closure> all = this.closures.findAll()
			.stream()
			.map(ClosureDocument::toClosure)
			.sorted((a, b) -> a.date().compareTo(b.date()))
			.toList();
		this.snapshot = new Snapshot(all, BusinessCalendar.withOperatorDays(all.stream().map(Closure::asDay).toList()));
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		if (current == null) {
			synchronized (this) {
				if (this.snapshot == null) {
					refresh();
				}
				current = this.snapshot;
			}
		}
		return current;
	}

	private record Snapshot(List<Closure> closures, BusinessCalendar calendar) {

	}

}
