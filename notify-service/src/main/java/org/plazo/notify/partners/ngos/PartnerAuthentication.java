package org.plazo.notify.partners.ngos;

import java.util.List;

import org.plazo.notify.partners.support.PartnerProperties;
import org.plazo.notify.partners.support.Secrets;
import org.plazo.notify.partners.support.UnauthorizedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link AuthenticatedNgo} and {@link OperatorAccess} parameters of controller
 * methods from the request's credentials; nothing else of the service is affected.
 */
@Component
class PartnerAuthentication implements WebMvcConfigurer {

	static final String OPERATOR_HEADER = "X-Plazo-Operator-Token";

	private static final Logger log = LoggerFactory.getLogger(PartnerAuthentication.class);

	private final NgoRegistry registry;

	private final String operatorToken;

	PartnerAuthentication(NgoRegistry registry, PartnerProperties properties) {
		this.registry = registry;
		this.operatorToken = properties.operatorToken();
		if (!StringUtils.hasText(this.operatorToken)) {
			log.warn("plazo.partners.operator-token is not set: the partner operator API refuses every request");
		}
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new NgoResolver());
		resolvers.add(new OperatorResolver());
	}

	AuthenticatedNgo ngo(String authorization) {
		if (authorization == null || authorization.length() < 7
				|| !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			throw new UnauthorizedException("Bearer realm=\"plazo-partners\"");
		}
		return this.registry.authenticate(authorization.substring(7).trim())
			.map(AuthenticatedNgo::new)
			.orElseThrow(() -> new UnauthorizedException("Bearer realm=\"plazo-partners\", error=\"invalid_token\""));
	}

	OperatorAccess operator(String token) {
		if (!StringUtils.hasText(this.operatorToken) || token == null || !Secrets.equal(token, this.operatorToken)) {
			throw new UnauthorizedException("PlazoOperatorToken realm=\"plazo-operators\"");
		}
		return new OperatorAccess();
	}

	private final class NgoResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == AuthenticatedNgo.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			return ngo(request.getHeader(HttpHeaders.AUTHORIZATION));
		}

	}

	private final class OperatorResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == OperatorAccess.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			return operator(request.getHeader(OPERATOR_HEADER));
		}

	}

}
