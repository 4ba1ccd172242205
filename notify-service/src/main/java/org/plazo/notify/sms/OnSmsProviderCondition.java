package org.plazo.notify.sms;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

class OnSmsProviderCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String wanted = (String) metadata.getAnnotationAttributes(ConditionalOnSmsProvider.class.getName())
			.get("value");
		Environment environment = context.getEnvironment();
		String primary = environment.getProperty(SmsConfiguration.PRIMARY, "dev").trim();
		String secondary = environment.getProperty(SmsConfiguration.SECONDARY, "").trim();
		boolean match = wanted.equalsIgnoreCase(primary) || wanted.equalsIgnoreCase(secondary);
		return new ConditionOutcome(match, "SMS provider " + wanted + (match ? " is" : " is not") + " configured");
	}

}
