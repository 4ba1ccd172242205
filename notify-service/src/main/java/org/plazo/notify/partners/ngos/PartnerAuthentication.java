package org.plazo.notify.partners.ngos;

import java.util.List;

import org.plazo.notify.partners.support.UnauthorizedException;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link AuthenticatedNgo} and {@link OperatorAccess} parameters of controller
 * methods: an NGO by its API key, an operator by the role of the bearer token the
 * security chain accepted. Nothing else of the service is affected.
 */
@Component
class PartnerAuthentication implements WebMvcConfigurer {

	private final NgoRegistry registry;

	PartnerAuthentication(NgoRegistry registry) {
		this.registry = registry;
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

	// The security chain lets only operators' tokens through; checked again here so that
	// no other path to these controllers can skip it.
	OperatorAccess operator() {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		boolean operator = caller != null && caller.isAuthenticated()
				&& caller.getAuthorities()
					.stream()
					.anyMatch((authority) -> "ROLE_OPERATOR".equals(authority.getAuthority()));
		if (!operator) {
			throw new UnauthorizedException("Bearer");
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
			return operator();
		}

	}

}
