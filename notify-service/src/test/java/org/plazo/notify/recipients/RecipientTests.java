package org.plazo.notify.recipients;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.plazo.events.cases.ContactChannel;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientTests {

	private final Recipient ana = new Recipient("case-1", "es", ContactChannel.SMS, "+50760001234",
			"ana.prueba@example.org", true, false, Instant.parse("2026-03-02T15:00:00Z"));

	@Test
	void addressIsThatOfTheChannel() {
		assertThat(this.ana.address(ContactChannel.SMS)).isEqualTo("+50760001234");
		assertThat(this.ana.address(ContactChannel.EMAIL)).isEqualTo("ana.prueba@example.org");
	}

	@Test
	void toStringHoldsNoContactData() {
		assertThat(this.ana).asString().doesNotContain("+50760001234").doesNotContain("ana.prueba");
	}

}
