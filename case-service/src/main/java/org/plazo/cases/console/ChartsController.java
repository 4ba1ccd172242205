package org.plazo.cases.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Reminders due per day for the next 60 days, delivery success by channel and provider
 * over the last 30 days, and webhook latency: drawn on the server as SVG.
 */
@Controller
class ChartsController {

	static final int DAYS_AHEAD = 60;

	static final int DAYS_BACK = 30;

	private final Operations operations;

	private final MessageSource messages;

	ChartsController(Operations operations, MessageSource messages) {
		this.operations = operations;
		this.messages = messages;
	}

	@GetMapping("/console/charts")
	String charts(Locale locale, Model model) {
		model.addAttribute("duePerDay", this.operations.remindersDuePerDay(DAYS_AHEAD)
			.map((days) -> Charts.remindersPerDay(days, title("charts.due", locale))));
		model.addAttribute("deliveries",
				this.operations.deliveryStats(DAYS_BACK)
					.map((stats) -> stats.isEmpty() ? ""
							: Charts.deliverySuccess(shares(stats), title("charts.deliveries", locale))));
		model.addAttribute("latency",
				this.operations.webhookLatency(DAYS_BACK)
					.map((rows) -> rows.stream().allMatch((day) -> day.count() == 0) ? ""
							: Charts.latency(rows, title("charts.latency", locale))));
		return "console/charts";
	}

	/**
	 * Sums the days per channel and provider: succeeded are those the provider accepted,
	 * out of those accepted or failed.
	 */
	static List<Charts.Share> shares(List<Operations.DeliveryStat> stats) {
		Map<String, long[]> sums = new TreeMap<>();
		for (Operations.DeliveryStat stat : stats) {
			String label = stat.channel() + " · " + ((stat.provider() != null) ? stat.provider() : "—");
			long[] sum = sums.computeIfAbsent(label, (key) -> new long[2]);
			sum[0] += stat.sent();
			sum[1] += stat.sent() + stat.failed();
		}
		List<Charts.Share> shares = new ArrayList<>();
		sums.forEach((label, sum) -> shares.add(new Charts.Share(label, sum[0], sum[1])));
		return shares;
	}

	private String title(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
