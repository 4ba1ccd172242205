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

	@Test
	void encodesEachCharacterWithItsGsm0338Code() {
		// Codes from the GSM 03.38 table; 0x1B is the escape, so Æ is 0x1C.
		assertThat(Gsm7.encode("@£$¥èÇ\nØ\rΔ_ÆæßÉ !¤0?¡AZÄÖÑÜ§¿azäöñüà")).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04,
				0x09, 0x0A, 0x0B, 0x0D, 0x10, 0x11, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x21, 0x24, 0x30, 0x3F, 0x40, 0x41,
				0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F, 0x60, 0x61, 0x7A, 0x7B, 0x7C, 0x7D, 0x7E, 0x7F);
	}

	@Test
	void encodesTheExtensionTableAfterAnEscape() {
		assertThat(Gsm7.encode("\f^{}\\[~]|€")).containsExactly(0x1B, 0x0A, 0x1B, 0x14, 0x1B, 0x28, 0x1B, 0x29, 0x1B,
				0x2F, 0x1B, 0x3C, 0x1B, 0x3D, 0x1B, 0x3E, 0x1B, 0x40, 0x1B, 0x65);
	}

	@Test
	void decodesWhatItEncodes() {
		String all = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
				+ "abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";

		assertThat(Gsm7.decode(Gsm7.encode(all))).isEqualTo(all);
	}

	@Test
	void refusesToEncodeWhatGsm7Lacks() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> Gsm7.encode("día"));
	}

}
