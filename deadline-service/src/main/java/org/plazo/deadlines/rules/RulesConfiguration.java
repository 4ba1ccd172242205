package org.plazo.deadlines.rules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds the rule and reminder settings, whether or not the application scans for
 * configuration properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ReminderProperties.class, RuleProperties.class })
class RulesConfiguration {

}
