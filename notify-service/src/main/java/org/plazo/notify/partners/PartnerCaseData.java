package org.plazo.notify.partners;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.plazo.events.cases.SharedData;
import org.plazo.notify.partners.calendar.CalendarFeed;
import org.plazo.notify.partners.calendar.DeadlineCalendar;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.webhooks.WebhookFanout;
import org.plazo.notify.privacy.CaseData;

import org.springframework.stereotype.Component;

/**
 * The partners' part of a case's export (which organisations follow it, with what
 * consent) and erasure: links and references, kept events, webhook deliveries and
 * calendar entries.
 */
@Component
class PartnerCaseData implements CaseData {

	private final CaseLinks links;

	private final PartnerEventStore events;

	private final WebhookFanout webhooks;

	private final DeadlineCalendar calendar;

	private final CalendarFeed calendars;

	PartnerCaseData(CaseLinks links, PartnerEventStore events, WebhookFanout webhooks, DeadlineCalendar calendar,
			CalendarFeed calendars) {
		this.links = links;
		this.events = events;
		this.webhooks = webhooks;
		this.calendar = calendar;
		this.calendars = calendars;
	}

	@Override
	public String section() {
		return "partnerLinks";
	}

	@Override
	public Optional<Object> export(String caseId) {
		List<Exported> all = this.links.all(caseId)
			.stream()
			.map((link) -> new Exported(link.ngoId(), link.sharedData(), link.assignedAt(), link.revokedAt()))
			.toList();
		return all.isEmpty() ? Optional.empty() : Optional.of(all);
	}

	@Override
	public void erase(String caseId) {
		List<String> ngos = this.links.all(caseId).stream().map((link) -> link.ngoId()).distinct().toList();
		this.webhooks.forget(caseId);
		this.events.forget(caseId);
		this.calendar.forget(caseId);
		this.links.forget(caseId);
		ngos.forEach(this.calendars::invalidate);
	}

	record Exported(String ngoId, List<SharedData> sharedData, Instant assignedAt, Instant revokedAt) {

	}

}
