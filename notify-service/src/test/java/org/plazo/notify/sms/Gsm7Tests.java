package org.plazo.notify.sms;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Gsm7Tests {

	@Test
	void dropsOnlyTheAccentsGsm7Lacks() {
		assertThat(Gsm7.fold("Último día en Panamá: calle Rómulo, edificio 766. Sí, señor; café, pingüino"))
			.isEqualTo("Ultimo dia en Panama: calle Romulo, edificio 766. Si, señor; café, pingüino");
	}

	@Test
	void replacesTypographicPunctuationAndSpaces() {
		assertThat(Gsm7.fold("\u201CBAJA\u201D \u2013 it\u2019s 4:00\u202FPM\u2026"))
			.isEqualTo("\"BAJA\" - it's 4:00 PM...");
	}

	@Test
	void keepsWhatHasNoGsm7StandIn() {
		assertThat(Gsm7.fold("مرحبا \uD83D\uDE00")).isEqualTo("مرحبا \uD83D\uDE00");
	}

	@Test
	void foldedSpanishAndFrenchFitGsm7() {
		assertThat(Gsm7.canEncode(Gsm7.fold("Vaya a ONPAR, lun-vie; ¿dónde? Où êtes-vous ? Ça va, garçon"))).isTrue();
	}

}
