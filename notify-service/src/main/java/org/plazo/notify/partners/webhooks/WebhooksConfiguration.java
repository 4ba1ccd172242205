package org.plazo.notify.partners.webhooks;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.events.PartnerEvents;
import org.plazo.notify.partners.net.AddressPolicy;
import org.plazo.notify.partners.net.EndpointUrls;
import org.plazo.notify.partners.net.GuardedDnsResolver;
import org.plazo.notify.partners.net.HostResolver;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.support.PartnerProperties;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The webhook machinery from configuration: the SSRF guard, the HTTP client, the retry
 * schedule and the dispatcher with its sender threads.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

	/** The system's DNS; tests put a table in its place. */
	@Bean
	@ConditionalOnMissingBean
	HostResolver partnerHostResolver() {
		return HostResolver.system();
	}

	@Bean
	GuardedDnsResolver partnerDnsGuard(HostResolver resolver, PartnerProperties properties) {
		return new GuardedDnsResolver(resolver, new AddressPolicy(properties.allowLoopback()));
	}

	@Bean
	EndpointUrls partnerEndpointUrls(GuardedDnsResolver guard, PartnerProperties properties) {
		return new EndpointUrls(guard, properties.allowHttp());
	}

	@Bean
	WebhookSender partnerWebhookSender(GuardedDnsResolver guard, PartnerProperties properties, Clock clock) {
		return new WebhookSender(guard, properties.delivery().timeout(), properties.delivery().threads() * 2, clock);
	}

	@Bean
	DeliveryDispatcher partnerDeliveryDispatcher(DeliveryQueue queue, WebhookEndpoints endpoints, NgoRegistry registry,
			CaseLinks links, PartnerEventStore events, PartnerEvents render, EndpointUrls urls, WebhookSender sender,
			OperatorAlerts alerts, PartnerProperties properties, Clock clock, NotifyMetrics metrics) {
		PartnerProperties.Delivery delivery = properties.delivery();
		// Not a bean: an Executor bean would take the place of Boot's application task
		// executor for the whole service.
		ExecutorService senders = new ThreadPoolExecutor(delivery.threads(), delivery.threads(), 0,
				TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(delivery.batch()),
				new CustomizableThreadFactory("partner-webhook-"));
		RetrySchedule schedule = new RetrySchedule(delivery.schedule(), delivery.jitter(),
				() -> ThreadLocalRandom.current().nextDouble());
		return new DeliveryDispatcher(queue, endpoints, registry, links, events, render, urls, sender, alerts, schedule,
				clock, senders, delivery.batch(), delivery.lease(), delivery.disableAfter(), metrics);
	}

}
