package org.plazo.notify.conversations;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class KeywordsTests {

	static Stream<Arguments> messages() {
		return Stream.of(arguments("STOP", Command.Type.OPT_OUT, null), arguments("stop", Command.Type.OPT_OUT, null),
				arguments(" Baja. ", Command.Type.OPT_OUT, "es"), arguments("ARRÊT", Command.Type.OPT_OUT, "fr"),
				arguments("Kanpe", Command.Type.OPT_OUT, "ht"), arguments("Parar", Command.Type.OPT_OUT, "pt"),
				arguments("UNSUBSCRIBE", Command.Type.OPT_OUT, null), arguments("START", Command.Type.OPT_IN, null),
				arguments("alta", Command.Type.OPT_IN, "es"), arguments("HELP", Command.Type.HELP, "en"),
				arguments("Ayuda!", Command.Type.HELP, "es"), arguments("aide", Command.Type.HELP, "fr"),
				arguments("Èd", Command.Type.HELP, "ht"), arguments("ajuda", Command.Type.HELP, "pt"),
				arguments("PLAZO", Command.Type.NEXT, "es"), arguments("next", Command.Type.NEXT, "en"),
				arguments("prazo", Command.Type.NEXT, "pt"), arguments("délai", Command.Type.NEXT, "fr"),
				arguments("EN", Command.Type.LANGUAGE, "en"), arguments("kreyòl", Command.Type.LANGUAGE, "ht"),
				arguments("Português", Command.Type.LANGUAGE, "pt"), arguments("es", Command.Type.LANGUAGE, "es"),
				arguments("REGISTRO 15/03/2026", Command.Type.REGISTER, "es"),
				arguments("Llegué 15-3-26", Command.Type.REGISTER, "es"),
				arguments("arrived 15 marzo", Command.Type.REGISTER, "en"),
				arguments("Cheguei 15 de março", Command.Type.REGISTER, "pt"),
				arguments("Rive 15 mas", Command.Type.REGISTER, "ht"), arguments("sí", Command.Type.YES, "es"),
				arguments("Yes", Command.Type.YES, "en"), arguments("oui", Command.Type.YES, "fr"),
				arguments("wi", Command.Type.YES, "ht"), arguments("sim", Command.Type.YES, "pt"),
				arguments("NO", Command.Type.NO, null), arguments("não", Command.Type.NO, "pt"),
				arguments("hola, ¿qué es esto?", Command.Type.OTHER, null), arguments("", Command.Type.OTHER, null),
				arguments("15 de marzo", Command.Type.OTHER, null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("messages")
	void understandsTheFirstWordWhateverTheCaseAndAccents(String text, Command.Type type, String language) {
		Command command = Keywords.parse(text);

		assertThat(command.type()).isEqualTo(type);
		assertThat(command.language()).isEqualTo(language);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("messages")
	void languageKeywordsSayWhichLanguage(String text, Command.Type type, String language) {
		if (type == Command.Type.LANGUAGE) {
			assertThat(Keywords.parse(text).switchTo()).isEqualTo(language);
		}
	}

}
