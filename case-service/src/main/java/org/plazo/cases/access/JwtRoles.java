package org.plazo.cases.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Maps a token's {@code roles} claim (lowercase names) to {@code ROLE_OPERATOR},
 * {@code ROLE_CASEWORKER}, {@code ROLE_VIEWER}, {@code ROLE_SERVICE}, and its
 * {@code scope} to {@code SCOPE_x}; the principal's name is the {@code sub}.
 */
final class JwtRoles implements Converter<Jwt, Collection<GrantedAuthority>> {

	static final String CLAIM = "roles";

	private static final Pattern ROLE = Pattern.compile("[a-z][a-z_-]{0,40}");

	private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

	static Converter<Jwt, AbstractAuthenticationToken> converter() {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(new JwtRoles());
		return converter;
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>(this.scopes.convert(jwt));
		Object roles = jwt.getClaims().get(CLAIM);
		if (roles instanceof Collection<?> names) {
			for (Object name : names) {
				if (name instanceof String role && ROLE.matcher(role).matches()) {
					authorities.add(new SimpleGrantedAuthority("ROLE_" + role.toUpperCase(Locale.ROOT)));
				}
			}
		}
		return authorities;
	}

}
