package org.plazo.notify.partners.webhooks;

import org.plazo.notify.partners.support.PartnerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Tells operators that an endpoint was disabled: a log line (ids only) and, when
 * {@code plazo.partners.operator-email} is set, an email. Neither holds any applicant's
 * data.
 */
@Component
class OperatorAlerts {

	private static final Logger log = LoggerFactory.getLogger(OperatorAlerts.class);

	private final ObjectProvider<JavaMailSender> mail;

	private final String to;

	private final String from;

	OperatorAlerts(ObjectProvider<JavaMailSender> mail, PartnerProperties properties,
			@Value("${plazo.mail.from:Plazo <recordatorios@plazo.localhost>}") String from) {
		this.mail = mail;
		this.to = properties.operatorEmail();
		this.from = from;
	}

	void endpointDisabled(WebhookEndpoint endpoint, String reason) {
		log.warn("Webhook endpoint {} of partner organisation {} disabled: {} (failing since {})", endpoint.id(),
				endpoint.ngoId(), reason, endpoint.failingSince());
		JavaMailSender sender = this.mail.getIfAvailable();
		if (!StringUtils.hasText(this.to) || sender == null) {
			return;
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(this.to);
		message.setSubject("Plazo: webhook endpoint " + endpoint.id() + " disabled");
		message.setText(
				"""
						A partner's webhook endpoint was disabled and receives nothing until the organisation enables it again.

						Organisation: %s
						Endpoint: %s
						Reason: %s
						Failing since: %s

						The organisation can see every attempt in its delivery log, enable the endpoint, and replay what it missed.
						"""
					.formatted(endpoint.ngoId(), endpoint.id(), reason, endpoint.failingSince()));
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			log.warn("Alert about webhook endpoint {} not emailed: {}", endpoint.id(), ex.getClass().getName());
		}
	}

}
