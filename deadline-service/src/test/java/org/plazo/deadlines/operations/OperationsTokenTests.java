package org.plazo.deadlines.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationsTokenTests {

	@Test
	void refusesEveryTokenWhenNoneIsConfigured() {
		assertThat(new OperationsToken("").accepts("")).isFalse();
		assertThat(new OperationsToken("  ").accepts("  ")).isFalse();
		assertThat(new OperationsToken(null).accepts("anything")).isFalse();
	}

	@Test
	void acceptsOnlyTheConfiguredToken() {
		OperationsToken token = new OperationsToken("s3cret-operations");

		assertThat(token.accepts("s3cret-operations")).isTrue();
		assertThat(token.accepts("s3cret-operation")).isFalse();
		assertThat(token.accepts(null)).isFalse();
	}

}
