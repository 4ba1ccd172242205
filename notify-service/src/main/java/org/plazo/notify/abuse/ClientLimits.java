package org.plazo.notify.abuse;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Limits what one client address, and one partner credential, may ask of the public
 * endpoints; beyond it, 429 with {@code Retry-After}. The address is the connection's
 * (behind a proxy, set {@code server.forward-headers-strategy} so it is the client's).
 */
class ClientLimits implements HandlerInterceptor {

	private static final Logger log = LoggerFactory.getLogger(ClientLimits.class);

	private final RateLimits clients;

	private final RateLimits apiKeys;

	private final String endpoints;

	/**
	 * @param clients limits per client address
	 * @param apiKeys limits per credential ({@code Authorization} header), or null
	 * @param endpoints what the endpoints are, for the log
	 */
	ClientLimits(RateLimits clients, RateLimits apiKeys, String endpoints) {
		this.clients = clients;
		this.apiKeys = apiKeys;
		this.endpoints = endpoints;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Duration wait = this.clients.take(request.getRemoteAddr());
		String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (wait.isZero() && credential != null && this.apiKeys != null) {
			wait = this.apiKeys.take(credential);
		}
		if (!wait.isZero()) {
			// Neither the address nor the credential is logged.
			log.warn("Rate limit reached on the {}", this.endpoints);
			throw new TooManyRequests(wait);
		}
		return true;
	}

}
