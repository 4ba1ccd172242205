package org.plazo.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one run, each with its unit, and the machine they were measured on;
 * written as JSON and as a Markdown table.
 */
final class Results {

	record Figure(String key, Object value, String unit, String target, String note) {
	}

	private final Map<String, Figure> figures = new LinkedHashMap<>();

	private final List<String> notes = new ArrayList<>();

	private final Map<String, Object> machine = machine();

	private final Map<String, String> load = new LinkedHashMap<>();

	private final String scale;

	private final Instant started = Instant.now();

	Results(String scale) {
		this.scale = scale;
		phase("start");
	}

	void put(String key, Object value, String unit, String target, String note) {
		Object clean = (value instanceof Double d && (d.isNaN() || d.isInfinite())) ? null : value;
		if (clean instanceof Double d) {
			clean = round(d);
		}
		this.figures.put(key, new Figure(key, clean, unit, target, note));
		System.out.println("figure " + key + " = " + format(clean) + " " + unit);
	}

	void put(String key, Object value, String unit) {
		put(key, value, unit, "", "");
	}

	Object get(String key) {
		Figure figure = this.figures.get(key);
		return (figure != null) ? figure.value() : null;
	}

	void note(String text) {
		this.notes.add(text);
	}

	/** Records the machine's load average as a phase begins or ends. */
	void phase(String name) {
		this.load.put(name, Jvm.loadAverage());
	}

	static Double round(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return null;
		}
		double abs = Math.abs(value);
		double scale = (abs >= 100) ? 1 : (abs >= 1) ? 100 : 10000;
		return Math.round(value * scale) / scale;
	}

	Map<String, Object> asJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scale", this.scale);
		json.put("started", this.started.toString());
		json.put("finished", Instant.now().toString());
		json.put("machine", this.machine);
		json.put("load_average", this.load);
		this.figures.values().forEach((figure) -> json.put(figure.key(), figure.value()));
		Map<String, String> units = new LinkedHashMap<>();
		this.figures.values().forEach((figure) -> units.put(figure.key(), figure.unit()));
		json.put("units", units);
		Map<String, String> figureNotes = new LinkedHashMap<>();
		this.figures.values()
			.stream()
			.filter((figure) -> !figure.note().isEmpty())
			.forEach((figure) -> figureNotes.put(figure.key(), figure.note()));
		json.put("figure_notes", figureNotes);
		json.put("notes", this.notes);
		return json;
	}

	String asMarkdown() {
		StringBuilder md = new StringBuilder();
		md.append("Run ")
			.append(DateTimeFormatter.ISO_INSTANT.format(this.started))
			.append(", scale `")
			.append(this.scale)
			.append("`\n\n");
		md.append("| machine | |\n|---|---|\n");
		this.machine.forEach((key, value) -> md.append("| ").append(key).append(" | ").append(value).append(" |\n"));
		md.append("\n| figure | value | unit | target | note |\n|---|---:|---|---|---|\n");
		for (Figure figure : this.figures.values()) {
			md.append("| `")
				.append(figure.key())
				.append("` | ")
				.append(format(figure.value()))
				.append(" | ")
				.append(figure.unit())
				.append(" | ")
				.append(figure.target())
				.append(" | ")
				.append(figure.note().replace("|", "/"))
				.append(" |\n");
		}
		md.append("\nLoad average (1, 5, 15 min) by phase:\n\n");
		this.load.forEach((phase, value) -> md.append("- ").append(phase).append(": ").append(value).append('\n'));
		if (!this.notes.isEmpty()) {
			md.append("\nNotes:\n\n");
			this.notes.forEach((note) -> md.append("- ").append(note).append('\n'));
		}
		return md.toString();
	}

	private static String format(Object value) {
		if (value == null) {
			return "n/a";
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder text = new StringBuilder();
			map.forEach(
					(k, v) -> text.append((text.length() > 0) ? "; " : "").append(k).append(": ").append(format(v)));
			return text.toString();
		}
		if (value instanceof Double d) {
			return String.format(Locale.ROOT, (Math.abs(d) >= 100) ? "%,.0f" : "%,.2f", d);
		}
		if (value instanceof Number n) {
			return String.format(Locale.ROOT, "%,d", n.longValue());
		}
		return value.toString();
	}

	/**
	 * Writes {@code benchmark-<time>.json} and {@code .md} into the folder; returns the
	 * JSON file.
	 */
	Path write(Path folder) throws IOException {
		Files.createDirectories(folder);
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(this.started);
		Path json = folder.resolve("benchmark-" + stamp + ".json");
		JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
		Files.writeString(json, mapper.writeValueAsString(asJson()) + "\n");
		Files.writeString(folder.resolve("benchmark-" + stamp + ".md"), asMarkdown());
		return json;
	}

	private static Map<String, Object> machine() {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("cpu_model", cpuModel());
		machine.put("ram_gb", round(memTotalKb() / 1024.0 / 1024.0));
		machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + osRelease());
		machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
				+ System.getProperty("java.vm.vendor") + ")");
		// Where the results go says nothing about the machine and would name a local
		// path.
		machine.put("jvm_flags",
				ManagementFactory.getRuntimeMXBean()
					.getInputArguments()
					.stream()
					.filter((flag) -> !flag.startsWith("-Dbench.out="))
					.collect(java.util.stream.Collectors.joining(" ")));
		machine.put("benchmark_max_heap_mb", Runtime.getRuntime().maxMemory() / 1024 / 1024);
		return machine;
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst()
				.orElse("unknown");
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	private static long memTotalKb() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal:"))
				.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")))
				.findFirst()
				.orElse(0L);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private static String osRelease() {
		try {
			return Files.readAllLines(Path.of("/etc/os-release"))
				.stream()
				.filter((line) -> line.startsWith("PRETTY_NAME="))
				.map((line) -> " (" + line.substring(12).replace("\"", "") + ")")
				.findFirst()
				.orElse("");
		}
		catch (IOException ex) {
			return "";
		}
	}

}
