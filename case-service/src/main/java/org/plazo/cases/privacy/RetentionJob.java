package org.plazo.cases.privacy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.plazo.cases.cases.Actors;
import org.plazo.cases.cases.PersonalData;
import org.plazo.cases.privacy.CaseAudit.Action;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the person of every case closed longer ago than
 * {@code plazo.privacy.retention-after-closure} (two years by default), once a day, by
 * the service's clock.
 */
@Component
@EnableConfigurationProperties(PrivacyProperties.class)
class RetentionJob {

	private static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

	private final PersonalData cases;

	private final Erasure erasure;

	private final PrivacyProperties properties;

	private final Clock clock;

	RetentionJob(PersonalData cases, Erasure erasure, PrivacyProperties properties, Clock clock) {
		this.cases = cases;
		this.erasure = erasure;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(cron = "${plazo.privacy.retention-cron:0 15 3 * * *}", zone = "America/Panama")
	void daily() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("Retention run failed, tried again tomorrow: {}", ex.getClass().getName());
		}
	}

	/**
	 * @return how many people were erased
	 */
	int run() {
		LocalDate closedOnOrBefore = LocalDate.ofInstant(this.clock.instant(), PANAMA)
			.minus(this.properties.retentionAfterClosure());
		int erased = 0;
		for (String caseId : this.cases.closedOnOrBefore(closedOnOrBefore)) {
			if (this.erasure.erase(caseId, Actors.SYSTEM, Action.RETENTION_ERASE).isPresent()) {
				erased++;
			}
		}
		if (erased > 0) {
			log.info("Retention: erased {} case(s) closed on or before {}", erased, closedOnOrBefore);
		}
		return erased;
	}

}
