package org.plazo.notify.abuse;

import java.time.Clock;

import org.plazo.notify.conversations.TwoWaySms;
import org.plazo.notify.sms.InboundSmsHandler;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the rate limits in front of the public endpoints and the conversations, unless
 * {@code plazo.abuse.enabled=false}. The limits count real time, not the service's
 * (movable) clock: an attacker's pace is measured in wall-clock seconds.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AbuseProperties.class)
class AbuseConfiguration {

	private final AbuseProperties properties;

	AbuseConfiguration(AbuseProperties properties) {
		this.properties = properties;
	}

	@Bean
	@Primary
	InboundSmsHandler inboundSmsLimit(TwoWaySms conversations) {
		if (!this.properties.enabled()) {
			return conversations;
		}
		return new InboundSmsLimit(limits(this.properties.sender()), conversations);
	}

	@Bean
	WebMvcConfigurer clientLimits() {
		ClientLimits webhooks = new ClientLimits(limits(this.properties.webhookClient()), null, "SMS webhooks");
		ClientLimits partners = new ClientLimits(limits(this.properties.client()), limits(this.properties.apiKey()),
				"partner API");
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				if (AbuseConfiguration.this.properties.enabled()) {
					registry.addInterceptor(webhooks).addPathPatterns("/api/v1/sms/**");
					registry.addInterceptor(partners).addPathPatterns("/api/v1/partners/**");
				}
			}

		};
	}

	private RateLimits limits(AbuseProperties.Limit limit) {
		return new RateLimits(limit, this.properties.maxKeys(), Clock.systemUTC());
	}

}
