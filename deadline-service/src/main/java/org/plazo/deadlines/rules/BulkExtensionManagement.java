package org.plazo.deadlines.rules;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Keeps ONPAR's bulk extensions in memory for the engine, and stores them.
 */
@Service
public class BulkExtensionManagement {

	private static final Log logger = LogFactory.getLog(BulkExtensionManagement.class);

	private final BulkExtensions extensions;

	private final ApplicationEventPublisher events;

	private volatile List<BulkExtension> current;

	BulkExtensionManagement(BulkExtensions extensions, ApplicationEventPublisher events) {
		this.extensions = extensions;
		this.events = events;
	}

	@EventListener(ApplicationReadyEvent.class)
	void loadAtStartUp() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			// Not fatal: the first use loads them again.
			logger.warn("Could not load the bulk extensions at start-up", ex);
		}
	}

	/** Every bulk extension, earliest new expiry first. */
	public List<BulkExtension> current() {
		List<BulkExtension> loaded = this.current;
		if (loaded == null) {
			synchronized (this) {
				if (this.current == null) {
					refresh();
				}
				loaded = this.current;
			}
		}
		return loaded;
	}

	public BulkExtension add(String resolution, Set<DeadlineKind> documents, LocalDate expiringFrom,
			LocalDate expiringTo, LocalDate validUntil) {
		BulkExtension extension = new BulkExtension(UUID.randomUUID().toString(), resolution, documents, expiringFrom,
				expiringTo, validUntil);
		this.extensions.save(BulkExtensionDocument.of(extension));
		refresh();
		this.events.publishEvent(BulkExtensionChanged.of(extension));
		return extension;
	}

	/** Removes a bulk extension entered by mistake; {@code false} if there is none. */
	public boolean remove(String id) {
		return this.extensions.findById(id).map(BulkExtensionDocument::toExtension).map((extension) -> {
			this.extensions.deleteById(id);
			refresh();
			this.events.publishEvent(BulkExtensionChanged.of(extension));
			return true;
		}).orElse(false);
	}

	/**
	 * Reloads from the database; a periodic job should call it when several instances
	 * run.
	 */
	public void refresh() {
		this.current = this.extensions.findAll()
			.stream()
			.map(BulkExtensionDocument::toExtension)
			.sorted(Comparator.comparing(BulkExtension::validUntil))
			.toList();
	}

}
