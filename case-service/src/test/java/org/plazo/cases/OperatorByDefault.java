package org.plazo.cases;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every MockMvc request of a test carries a fresh operator's bearer token unless it sets
 * its own Authorization header.
 */
@TestConfiguration(proxyBeanMethods = false)
public class OperatorByDefault {

	@Bean
	MockMvcBuilderCustomizer operatorToken() {
		return (builder) -> builder.defaultRequest(get("/").with((request) -> {
			if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
				request.addHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.operator()));
			}
			return request;
		}));
	}

}
