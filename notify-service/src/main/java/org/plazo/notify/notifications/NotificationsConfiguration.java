package org.plazo.notify.notifications;

import java.time.Duration;
import java.time.LocalTime;
import java.util.concurrent.ThreadLocalRandom;

import org.plazo.notify.outbox.OutboxCollection;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The delivery rules that come from configuration: quiet hours and retries.
 */
@Configuration(proxyBeanMethods = false)
class NotificationsConfiguration {

	@Bean
	QuietHours quietHours(@Value("${plazo.sms.quiet-hours.start}") LocalTime start,
			@Value("${plazo.sms.quiet-hours.end}") LocalTime end) {
		return new QuietHours(start, end);
	}

	@Bean
	RetryPolicy retryPolicy(@Value("${plazo.notify.retry.first}") Duration first,
			@Value("${plazo.notify.retry.max}") Duration max, @Value("${plazo.notify.retry.window}") Duration window) {
		return new RetryPolicy(first, max, window, () -> ThreadLocalRandom.current().nextDouble());
	}

	@Bean
	OutboxCollection notificationsOutbox() {
		return new OutboxCollection(Notification.COLLECTION);
	}

}
