package org.plazo.notify.recipients;

import org.plazo.notify.outbox.OutboxCollection;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RecipientsConfiguration {

	@Bean
	OutboxCollection phoneContactsOutbox() {
		return new OutboxCollection(PhoneContact.COLLECTION);
	}

}
