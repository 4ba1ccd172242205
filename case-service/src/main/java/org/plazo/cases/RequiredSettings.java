package org.plazo.cases;

import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start, before any bean is made, when a setting named in
 * {@code plazo.required-settings} is missing or empty. The prod profile lists its
 * credentials there and has no defaults for them; Spring Boot's binding would otherwise
 * pass an unresolved {@code ${...}} on as a value. Names only in the message, never a
 * value.
 */
@Component
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware {

	static final String PROPERTY = "plazo.required-settings";

	private Environment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> missing = missing(this.environment);
		if (!missing.isEmpty()) {
			throw new IllegalStateException("Missing required settings " + missing
					+ ": the active profiles have no default for them; set them in the environment");
		}
	}

	static List<String> missing(Environment environment) {
		String[] names = environment.getProperty(PROPERTY, String[].class, new String[0]);
		return Arrays.stream(names)
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.filter((name) -> !StringUtils.hasText(environment.getProperty(name)))
			.toList();
	}

}
