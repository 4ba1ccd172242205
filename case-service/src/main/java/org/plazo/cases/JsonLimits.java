package org.plazo.cases;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits what a JSON body may make the service read: its size, its nesting and the length
 * of a string ({@code plazo.web.json.*}). A body beyond them is a 400 before any object
 * is built. Boot's own settings ({@code spring.jackson.*}) still apply: this only gives
 * the mapper a factory with these constraints (Jackson 3 sets them on the factory, which
 * a builder customizer cannot change).
 */
@Configuration(proxyBeanMethods = false)
class JsonLimits {

	@Bean
	@Scope("prototype")
	JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers,
			@Value("${plazo.web.json.max-document-length:1MB}") DataSize maxDocumentLength,
			@Value("${plazo.web.json.max-nesting-depth:32}") int maxNestingDepth,
			@Value("${plazo.web.json.max-string-length:65536}") int maxStringLength) {
		StreamReadConstraints constraints = StreamReadConstraints.builder()
			.maxDocumentLength(maxDocumentLength.toBytes())
			.maxNestingDepth(maxNestingDepth)
			.maxStringLength(maxStringLength)
			.build();
		JsonMapper.Builder builder = JsonMapper
			.builder(JsonFactory.builder().streamReadConstraints(constraints).build());
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

	/**
	 * Puts {@link ProblemReportValve} in place of the error report valves of Tomcat's
	 * host (Boot's and Tomcat's own).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
		return new WebServerFactoryCustomizer<>() {

			@Override
			public void customize(TomcatServletWebServerFactory factory) {
				factory.addContextCustomizers((context) -> {
					Container host = context.getParent();
					// Once the host has started, every valve it adds by itself is there.
					host.addLifecycleListener((event) -> {
						if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
							Pipeline pipeline = host.getPipeline();
							for (Valve valve : pipeline.getValves()) {
								if (valve instanceof ErrorReportValve) {
									pipeline.removeValve(valve);
								}
							}
							pipeline.addValve(new ProblemReportValve());
						}
					});
				});
			}

		};
	}

	@Bean
	WebMvcConfigurer concreteContentTypes() {
		HandlerInterceptor interceptor = new HandlerInterceptor() {

			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws HttpMediaTypeNotSupportedException {
				String contentType = request.getContentType();
				if (contentType != null) {
					try {
						if (!MediaType.parseMediaType(contentType).isConcrete()) {
							throw new HttpMediaTypeNotSupportedException("The content type is not concrete");
						}
					}
					catch (InvalidMediaTypeException ex) {
						throw new HttpMediaTypeNotSupportedException("The content type is not readable");
					}
				}
				return true;
			}

		};
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(interceptor);
			}

		};
	}

}
