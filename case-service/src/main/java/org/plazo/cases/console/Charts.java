package org.plazo.cases.console;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Charts as inline SVG, drawn on the server: no script, no library, readable on a phone.
 * Every text is escaped.
 */
final class Charts {

	private static final int WIDTH = 640;

	private static final int BAR_AREA = 200;

	private Charts() {
	}

	/** A column per day: how many reminders fall due. */
	static String remindersPerDay(List<Operations.DayCount> days, String title) {
		int max = Math.max(1, days.stream().mapToInt(Operations.DayCount::count).max().orElse(0));
		int n = Math.max(1, days.size());
		double step = (WIDTH - 40.0) / n;
		StringBuilder svg = open(WIDTH, BAR_AREA + 50, title);
		svg.append(text(4, 14, "start", String.valueOf(max)));
		svg.append(line(34, 20, WIDTH, 20));
		svg.append(line(34, 20 + BAR_AREA, WIDTH, 20 + BAR_AREA));
		for (int i = 0; i < days.size(); i++) {
			Operations.DayCount day = days.get(i);
			double height = (double) BAR_AREA * day.count() / max;
			double x = 36 + i * step;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
					x, 20 + BAR_AREA - height, Math.max(1, step - 1), height, escape(day.date() + ": " + day.count())));
			if (i % 7 == 0) {
				svg.append(text(x, BAR_AREA + 38, "start", String.valueOf(day.date()).substring(5)));
			}
		}
		return svg.append("</svg>").toString();
	}

	/** A bar per channel and provider: the share of deliveries that succeeded. */
	static String deliverySuccess(List<Share> shares, String title) {
		int rowHeight = 28;
		StringBuilder svg = open(WIDTH, Math.max(1, shares.size()) * rowHeight + 20, title);
		int y = 10;
		for (Share row : shares) {
			double share = (row.total() > 0) ? (double) row.succeeded() / row.total() : 0;
			double width = (WIDTH - 300) * share;
			svg.append(text(4, y + 16, "start", row.label()));
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"track\" x=\"160\" y=\"%d\" width=\"%d\" height=\"18\"></rect>"
							+ "<rect class=\"%s\" x=\"160\" y=\"%d\" width=\"%.1f\" height=\"18\"></rect>",
					y + 2, WIDTH - 300, (share < 0.9) ? "bar bad" : "bar", y + 2, width));
			svg.append(text(WIDTH - 134, y + 16, "start",
					String.format(Locale.ROOT, "%.1f%% (%d/%d)", share * 100, row.succeeded(), row.total())));
			y += rowHeight;
		}
		return svg.append("</svg>").toString();
	}

	/** Two columns per day: p50 and p95 webhook latency in milliseconds. */
	static String latency(List<Operations.DayLatency> days, String title) {
		double max = Math.max(1,
				days.stream().mapToDouble((day) -> Math.max(value(day.p50Ms()), value(day.p95Ms()))).max().orElse(1));
		int n = Math.max(1, days.size());
		double step = (WIDTH - 60.0) / n;
		StringBuilder svg = open(WIDTH, BAR_AREA + 50, title);
		svg.append(text(4, 14, "start", String.format(Locale.ROOT, "%.0f ms", max)));
		svg.append(line(54, 20, WIDTH, 20));
		svg.append(line(54, 20 + BAR_AREA, WIDTH, 20 + BAR_AREA));
		for (int i = 0; i < days.size(); i++) {
			Operations.DayLatency day = days.get(i);
			double x = 56 + i * step;
			double half = Math.max(1, step / 2 - 1);
			double p50 = BAR_AREA * value(day.p50Ms()) / max;
			double p95 = BAR_AREA * value(day.p95Ms()) / max;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
					x, 20 + BAR_AREA - p50, half, p50, escape(day.date() + " p50: " + day.p50Ms() + " ms")));
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"bar p95\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
					x + half, 20 + BAR_AREA - p95, half, p95, escape(day.date() + " p95: " + day.p95Ms() + " ms")));
			if (i % 7 == 0) {
				svg.append(text(x, BAR_AREA + 38, "start", String.valueOf(day.date()).substring(5)));
			}
		}
		return svg.append("</svg>").toString();
	}

	private static double value(Long value) {
		return (value != null) ? value : 0;
	}

	/**
	 * A share to draw as a bar.
	 *
	 * @param label what it is, e.g. {@code SMS · twilio}
	 * @param succeeded how many succeeded
	 * @param total out of how many
	 */
	record Share(String label, long succeeded, long total) {

	}

	private static StringBuilder open(int width, int height, String title) {
		return new StringBuilder(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" "
						+ "aria-label=\"%s\"><title>%s</title>",
				width, height, escape(title), escape(title)));
	}

	private static String line(int x1, int y1, int x2, int y2) {
		return String.format(Locale.ROOT, "<line class=\"axis\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"></line>", x1,
				y1, x2, y2);
	}

	private static String text(double x, double y, String anchor, String text) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor,
				escape(text));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text);
	}

}
