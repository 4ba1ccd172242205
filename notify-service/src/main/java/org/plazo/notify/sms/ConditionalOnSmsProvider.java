package org.plazo.notify.sms;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Creates a bean only when the named SMS provider is configured, as primary
 * ({@code plazo.sms.provider}, {@code dev} when unset) or as secondary
 * ({@code plazo.sms.secondary}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnSmsProviderCondition.class)
public @interface ConditionalOnSmsProvider {

	/**
	 * The provider's name.
	 * @return {@code dev}, {@code twilio} or {@code smpp}
	 */
	String value();

}
