package org.plazo.cases.console;

import java.util.function.Function;

/**
 * What a page asked another service for: the answer, or the fact that the service could
 * not be reached (the page says so instead of failing).
 *
 * @param <T> the answer's type
 * @param value the answer, or {@code null} when unavailable
 * @param available whether the service answered
 */
record Fetched<T>(T value, boolean available) {

	static <T> Fetched<T> of(T value) {
		return new Fetched<>(value, true);
	}

	static <T> Fetched<T> unavailable() {
		return new Fetched<>(null, false);
	}

	<R> Fetched<R> map(Function<T, R> mapping) {
		return this.available ? of(mapping.apply(this.value)) : unavailable();
	}

	T orElse(T other) {
		return this.available ? this.value : other;
	}

}
