package org.plazo.notify.partners.calendar;

import org.plazo.notify.partners.ngos.AuthenticatedNgo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.support.NotFoundException;
import org.plazo.notify.partners.support.PartnerProperties;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues and revokes an organisation's secret calendar URL, and serves the calendar at
 * it. The URL is the credential (calendar apps send no headers): an unknown or revoked
 * one is not found.
 */
@RestController
@RequestMapping("/api/v1/partners/calendar")
class CalendarController {

	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

	private final NgoRegistry registry;

	private final CalendarFeed feed;

	private final String publicUrl;

	CalendarController(NgoRegistry registry, CalendarFeed feed, PartnerProperties properties) {
		this.registry = registry;
		this.feed = feed;
		this.publicUrl = (properties.publicUrl() != null) ? properties.publicUrl().replaceAll("/+$", "") : "";
	}

	/** A new secret URL, shown in this answer only; the previous one stops working. */
	@PostMapping
	ResponseEntity<CalendarUrl> issue(AuthenticatedNgo caller) {
		String token = this.registry.issueCalendarToken(caller.id())
			.orElseThrow(() -> new NotFoundException("organisation"));
		return ResponseEntity.status(201)
			.body(new CalendarUrl(this.publicUrl + "/api/v1/partners/calendar/" + token + ".ics"));
	}

	@DeleteMapping
	ResponseEntity<Void> revoke(AuthenticatedNgo caller) {
		this.registry.revokeCalendarToken(caller.id());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{token}.ics")
	ResponseEntity<String> calendar(@PathVariable String token) {
		return this.registry.byCalendarToken(token)
			.map((ngo) -> ResponseEntity.ok()
				.contentType(TEXT_CALENDAR)
				.cacheControl(CacheControl.noStore())
				.body(this.feed.render(ngo)))
			.orElseThrow(() -> new NotFoundException("calendar"));
	}

	record CalendarUrl(String url) {

	}

}
