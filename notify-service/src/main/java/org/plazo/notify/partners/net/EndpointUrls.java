package org.plazo.notify.partners.net;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a webhook URL when an endpoint is registered or changed: an absolute
 * {@code https} URL (or {@code http} where allowed, in dev and tests) with a host, no
 * user information and no fragment, whose host resolves only to allowed addresses.
 * Deliveries check again, at every connection, through {@link GuardedDnsResolver}.
 */
public final class EndpointUrls {

	public static final int MAX_LENGTH = 2048;

	private final GuardedDnsResolver guard;

	private final boolean allowHttp;

	public EndpointUrls(GuardedDnsResolver guard, boolean allowHttp) {
		this.guard = guard;
		this.allowHttp = allowHttp;
	}

	/**
	 * What is wrong with a URL.
	 * @return a detail safe to show (it never repeats the URL), or empty when it is fine
	 */
	public Optional<String> problem(String url) {
		if (url.length() > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters");
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.of("must be an absolute https URL");
		}
		Optional<String> shape = shape(uri);
		if (shape.isPresent()) {
			return shape;
		}
		try {
			this.guard.check(uri.getHost());
			return Optional.empty();
		}
		catch (UnknownHostException ex) {
			return Optional.of("is not allowed: " + ex.getMessage());
		}
	}

	/** The shape alone, without resolving: checked again before every delivery. */
	public Optional<String> shape(URI uri) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null || uri.getHost().isEmpty()) {
			return Optional.of("must be an absolute https URL");
		}
		if (!scheme.equals("https") && !(this.allowHttp && scheme.equals("http"))) {
			return Optional.of("must use https");
		}
		if (uri.getRawUserInfo() != null) {
			return Optional.of("must not contain user information");
		}
		if (uri.getRawFragment() != null) {
			return Optional.of("must not contain a fragment");
		}
		return Optional.empty();
	}

}
