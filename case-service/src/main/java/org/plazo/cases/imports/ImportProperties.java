package org.plazo.cases.imports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits and timing of caseload imports ({@code plazo.imports.*}; defaults in
 * case-service.properties).
 *
 * @param maxFileSize the largest file taken; at most 15MB, as the file waits inside the
 * import's document (MongoDB's limit is 16MB)
 * @param maxRows the most data rows a file may have
 * @param lease how long a worker holds an unfinished import without showing progress
 * before another (after a crash, a restarted service) takes it over
 * @param resumeInterval how often unfinished imports are looked for (also at start-up)
 * @param maxAttempts how many times in a row an import may be taken up without making
 * progress (a row that fails every time) before it is given up as {@code FAILED}; an
 * outage of MongoDB does not count, as no worker can take the import up meanwhile
 */
@ConfigurationProperties("plazo.imports")
record ImportProperties(@DefaultValue("5MB") DataSize maxFileSize, @DefaultValue("10000") int maxRows,
		@DefaultValue("PT2M") Duration lease, @DefaultValue("PT1M") Duration resumeInterval,
		@DefaultValue("5") int maxAttempts) {

	static final DataSize LARGEST = DataSize.ofMegabytes(15);

	ImportProperties {
		if (maxFileSize.compareTo(LARGEST) > 0) {
			throw new IllegalArgumentException("plazo.imports.max-file-size must be at most 15MB");
		}
	}

}
