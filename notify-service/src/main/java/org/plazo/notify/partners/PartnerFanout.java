package org.plazo.notify.partners;

import java.util.List;
import java.util.Optional;

import org.plazo.events.Envelope;
import org.plazo.events.PlazoEvent;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.deadlines.DeadlineEvent;
import org.plazo.notify.partners.calendar.CalendarFeed;
import org.plazo.notify.partners.calendar.DeadlineCalendar;
import org.plazo.notify.partners.events.Disclosure;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.feed.PartnerFeed;
import org.plazo.notify.partners.ngos.CaseLink;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.webhooks.WebhookFanout;
import org.plazo.notify.privacy.ErasedCases;

import org.springframework.stereotype.Component;

/**
 * What one event means for partners: a link made or ended updates the case's links; a
 * deadline event updates the calendars; then the event is kept (minimised) and queued for
 * every endpoint, and published on the feed, of each organisation that may receive it.
 * Idempotent: a redelivered event that was fanned out entirely is skipped, and one that
 * was fanned out in part is done again with the same delivery ids.
 */
@Component
class PartnerFanout {

	private final CaseLinks links;

	private final DeadlineCalendar deadlines;

	private final CalendarFeed calendars;

	private final PartnerEventStore events;

	private final NgoRegistry registry;

	private final WebhookFanout webhooks;

	private final PartnerFeed feed;

	private final ErasedCases erased;

	PartnerFanout(CaseLinks links, DeadlineCalendar deadlines, CalendarFeed calendars, PartnerEventStore events,
			NgoRegistry registry, WebhookFanout webhooks, PartnerFeed feed, ErasedCases erased) {
		this.links = links;
		this.deadlines = deadlines;
		this.calendars = calendars;
		this.events = events;
		this.registry = registry;
		this.webhooks = webhooks;
		this.feed = feed;
		this.erased = erased;
	}

	void accept(Envelope<PlazoEvent> envelope) {
		if (this.erased.contains(envelope.data().caseId())) {
			// This consumer group may lag behind the erasure: nothing comes back for the
			// case.
			return;
		}
		Optional<StoredEvent> kept = this.events.keep(envelope);
		if (kept.isPresent() && kept.get().fannedOut()) {
			// Applied before: a redelivery, perhaps late, after newer events of the case.
			// Applying it again could undo them (link a revoked NGO again, move a
			// deadline back). Kept events are remembered for the partners' retention.
			return;
		}
		PlazoEvent data = envelope.data();
		// Java 17: no pattern switch.
		if (data instanceof CaseAssigned assigned) {
			this.links.apply(assigned);
			this.calendars.invalidate(assigned.ngoId());
		}
		else if (data instanceof AssignmentRevoked revoked) {
			this.links.apply(revoked);
			this.calendars.invalidate(revoked.ngoId());
		}
		else if (data instanceof DeadlineEvent deadline) {
			this.deadlines.apply(deadline);
		}
		if (kept.isEmpty()) {
			return;
		}
		StoredEvent event = kept.get();
		for (String ngoId : audience(event)) {
			Optional<Ngo> ngo = this.registry.find(ngoId);
			if (ngo.isPresent()
					&& Disclosure.of(event, ngo.get(), this.links.active(event.caseId(), ngoId)).allowed()) {
				this.webhooks.fanOut(event, ngo.get());
				if (ngo.get().kafkaFeed()) {
					this.feed.publish(event, ngo.get());
				}
			}
		}
		this.events.markFannedOut(event.id());
	}

	private List<String> audience(StoredEvent event) {
		if (event.noticeFor() != null) {
			return List.of(event.noticeFor());
		}
		return this.links.active(event.caseId()).stream().map(CaseLink::ngoId).distinct().toList();
	}

}
