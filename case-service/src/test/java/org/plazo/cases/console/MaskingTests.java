package org.plazo.cases.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTests {

	@Test
	void keepsOnlyTheCountryCodeAndTheLastTwoDigitsOfAPhone() {
		assertThat(Masking.phone("+50760001234")).isEqualTo("+507 ••• •••34").doesNotContain("6000");
	}

	@Test
	void keepsOnlyTheFirstLetterOfAnEmail() {
		assertThat(Masking.email("ana.prueba@example.org")).isEqualTo("a•••@•••");
	}

	@Test
	void leavesNothingToMaskAsNothing() {
		assertThat(Masking.phone(null)).isNull();
		assertThat(Masking.email(" ")).isNull();
		assertThat(Masking.phone("12345")).doesNotContain("12345");
	}

}
