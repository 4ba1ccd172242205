package org.plazo.cases.console;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChartsTests {

	@Test
	void drawsAColumnPerDayWithItsCount() {
		String svg = Charts.remindersPerDay(List.of(new Operations.DayCount(LocalDate.parse("2027-05-13"), 3),
				new Operations.DayCount(LocalDate.parse("2027-05-14"), 0)), "Reminders");
		assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("<title>2027-05-13: 3</title>");
		assertThat(svg.split("<rect", -1)).hasSize(3);
	}

	@Test
	void sumsDeliveriesPerChannelAndProviderOverTheDays() {
		List<Charts.Share> shares = ChartsController
			.shares(List.of(new Operations.DeliveryStat(LocalDate.parse("2027-05-12"), "SMS", "twilio", 8, 6, 2),
					new Operations.DeliveryStat(LocalDate.parse("2027-05-13"), "SMS", "twilio", 10, 9, 0),
					new Operations.DeliveryStat(LocalDate.parse("2027-05-13"), "EMAIL", "smtp", 4, 0, 0)));
		assertThat(shares).containsExactly(new Charts.Share("EMAIL · smtp", 4, 4),
				new Charts.Share("SMS · twilio", 18, 20));
		assertThat(Charts.deliverySuccess(shares, "Deliveries")).contains("90.0% (18/20)").contains("100.0% (4/4)");
	}

	@Test
	void escapesEveryText() {
		String svg = Charts.deliverySuccess(List.of(new Charts.Share("<script>", 1, 1)), "a & b");
		assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("a &amp; b");
	}

	@Test
	void drawsP50AndP95LatencyPerDay() {
		String svg = Charts.latency(List.of(new Operations.DayLatency(LocalDate.parse("2027-05-13"), 12, 80L, 400L)),
				"Latency");
		assertThat(svg).contains("p50: 80 ms").contains("p95: 400 ms").contains("400 ms");
	}

}
