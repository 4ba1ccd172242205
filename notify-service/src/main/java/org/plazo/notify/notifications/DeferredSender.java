package org.plazo.notify.notifications;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what was put off (quiet hours, retries, rate limits) once its time has come, and
 * the escalation emails still due: one query each per poll, never one per message.
 */
@Component
class DeferredSender {

	private final ReminderDelivery delivery;

	private final int batch;

	DeferredSender(ReminderDelivery delivery, @Value("${plazo.notify.deferred.batch}") int batch) {
		this.delivery = delivery;
		this.batch = batch;
	}

	@Scheduled(initialDelayString = "${plazo.notify.deferred.poll-interval}",
			fixedDelayString = "${plazo.notify.deferred.poll-interval}")
	void poll() {
		this.delivery.sendDue(this.batch);
		this.delivery.escalatePending(this.batch);
	}

}
