package org.plazo.notify.sms;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * Chooses the SMS providers by configuration: {@code plazo.sms.provider} (dev, twilio or
 * smpp; dev when unset) and the optional fallback {@code plazo.sms.secondary}.
 */
@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

	static final String PRIMARY = "plazo.sms.provider";

	static final String SECONDARY = "plazo.sms.secondary";

	private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

	@Bean
	SmsGateway smsGateway(List<SmsProvider> providers, @Value("${" + PRIMARY + ":dev}") String primary,
			@Value("${" + SECONDARY + ":}") String secondary) {
		SmsProvider first = find(providers, primary);
		SmsProvider second = StringUtils.hasText(secondary) ? find(providers, secondary) : null;
		if (second == first) {
			second = null;
		}
		FailoverSmsGateway gateway = new FailoverSmsGateway(first, second);
		log.info("SMS: {}", gateway);
		return gateway;
	}

	private static SmsProvider find(List<SmsProvider> providers, String name) {
		return providers.stream()
			.filter((provider) -> provider.name().equalsIgnoreCase(name.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("Unknown SMS provider '" + name.trim()
					+ "': use dev, twilio or smpp, and configure it under plazo.sms." + name.trim()));
	}

}
