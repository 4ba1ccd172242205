package org.plazo.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every phase of the benchmark at a tiny scale, so that it cannot rot: the figures are
 * not judged here, only that each is measured.
 */
class BenchmarkSmokeTests {

	@Test
	void everyPhaseRunsAtATinyScaleAndWritesEveryFigure(@TempDir Path out) throws Exception {
		System.setProperty("bench.probe.quick", "true");
		Path json = Benchmark.run(Scale.smoke(), out, Benchmark.phases(""), false);

		Map<?, ?> figures = JsonMapper.builder().build().readValue(Files.readString(json), Map.class);
		assertThat((Iterable<?>) figures.get("notes")).noneMatch((note) -> note.toString().contains("failed"));
		for (String key : new String[] { "kafka_ceiling_records_per_s", "ingest_events_per_s", "ingest_p99_ms",
				"burst_100k_seconds", "burst_100k_seconds_quartz_jdbc", "burst_100k_seconds_db_scheduler",
				"steady_lateness_p99_ms", "recovery_100k_seconds", "recovery_duplicates", "delivery_per_s",
				"delivery_p99_ms", "deadline_service_heap_mb_at_1m", "stack_ready_seconds" }) {
			assertThat(figures.get(key)).as(key).isInstanceOf(Number.class);
		}
		assertThat((Map<?, ?>) figures.get("burst_seconds_by_pending")).isNotEmpty();
		assertThat(((Number) figures.get("recovery_duplicates")).longValue()).isZero();
		assertThat(Files.readString(Path.of(json.toString().replace(".json", ".md")))).contains("burst_100k_seconds");
	}

}
