package org.plazo.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrape of {@code /actuator/prometheus} (Prometheus text format 0.0.4), read into
 * its samples. Enough of the format for the tests: comments skipped, label values
 * unescaped.
 */
final class Scrape {

	private static final Pattern SAMPLE = Pattern
		.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)(\\s+\\S+)?$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final String text;

	private final List<Sample> samples;

	private Scrape(String text, List<Sample> samples) {
		this.text = text;
		this.samples = samples;
	}

	static Scrape parse(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			Matcher sample = SAMPLE.matcher(line.trim());
			if (!sample.matches()) {
				throw new IllegalArgumentException("Not a Prometheus sample: " + line);
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(3) != null) {
				Matcher label = LABEL.matcher(sample.group(3));
				while (label.find()) {
					labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
		}
		return new Scrape(text, samples);
	}

	/** The scrape as it came. */
	String text() {
		return this.text;
	}

	List<Sample> samples() {
		return this.samples;
	}

	/** Every sample name, e.g. {@code plazo_cases_opened_total}. */
	Set<String> names() {
		return this.samples.stream().map(Sample::name).collect(Collectors.toCollection(TreeSet::new));
	}

	/**
	 * The sum of the samples of that name whose labels include the given ones; 0 when
	 * there are none.
	 */
	double sum(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	/** The samples of that name. */
	List<Sample> all(String name) {
		return this.samples.stream().filter((sample) -> sample.name().equals(name)).toList();
	}

	record Sample(String name, Map<String, String> labels, double value) {

	}

}
