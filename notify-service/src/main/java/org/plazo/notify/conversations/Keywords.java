package org.plazo.notify.conversations;

import java.util.HashMap;
import java.util.Map;

/**
 * The keywords people can text, in Spanish and English, and in French, Haitian Creole and
 * Portuguese where the word is obvious. Only the first word counts; accents and case do
 * not matter ({@code Llegué} is {@code LLEGUE}).
 */
final class Keywords {

	private static final Map<String, Entry> WORDS = new HashMap<>();

	static {
		// Opting out: Spanish, English (and the carriers' usual words), French, Creole,
		// Portuguese.
		words(Command.Type.OPT_OUT, null, "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
		words(Command.Type.OPT_OUT, "es", "BAJA", "CANCELAR");
		words(Command.Type.OPT_OUT, "fr", "ARRET", "ARRETER");
		words(Command.Type.OPT_OUT, "ht", "KANPE");
		words(Command.Type.OPT_OUT, "pt", "PARAR", "SAIR");
		words(Command.Type.OPT_IN, null, "START", "UNSTOP");
		words(Command.Type.OPT_IN, "es", "ALTA", "INICIO");
		words(Command.Type.OPT_IN, "fr", "COMMENCER");
		words(Command.Type.OPT_IN, "ht", "KOMANSE");
		words(Command.Type.OPT_IN, "pt", "INICIAR", "VOLTAR");
		words(Command.Type.HELP, "en", "HELP", "INFO");
		words(Command.Type.HELP, "es", "AYUDA");
		words(Command.Type.HELP, "fr", "AIDE");
		words(Command.Type.HELP, "ht", "ED", "EDE");
		words(Command.Type.HELP, "pt", "AJUDA");
		words(Command.Type.NEXT, "es", "PLAZO", "PLAZOS");
		words(Command.Type.NEXT, "en", "NEXT", "DEADLINE");
		words(Command.Type.NEXT, "fr", "DELAI", "PROCHAIN");
		words(Command.Type.NEXT, "ht", "DELE", "PWOCHEN");
		words(Command.Type.NEXT, "pt", "PRAZO", "PRAZOS");
		words(Command.Type.REGISTER, "es", "REGISTRO", "REGISTRAR", "LLEGUE", "LLEGADA");
		words(Command.Type.REGISTER, "en", "REGISTER", "ARRIVED", "ARRIVAL");
		words(Command.Type.REGISTER, "fr", "ARRIVE", "ARRIVEE", "INSCRIPTION");
		words(Command.Type.REGISTER, "ht", "RIVE", "ANREJISTRE");
		words(Command.Type.REGISTER, "pt", "CHEGUEI", "CHEGADA");
		words(Command.Type.YES, "es", "SI");
		words(Command.Type.YES, "en", "YES", "Y");
		words(Command.Type.YES, "fr", "OUI");
		words(Command.Type.YES, "ht", "WI");
		words(Command.Type.YES, "pt", "SIM");
		words(Command.Type.NO, null, "NO", "N");
		words(Command.Type.NO, "fr", "NON");
		words(Command.Type.NO, "pt", "NAO");
		language("es", "ES", "ESPANOL", "SPANISH", "CASTELLANO");
		language("en", "EN", "ENGLISH", "INGLES", "ANGLAIS");
		language("fr", "FR", "FRANCAIS", "FRENCH", "FRANCES");
		language("ht", "HT", "KREYOL", "CREOLE", "CRIOLLO");
		language("pt", "PT", "PORTUGUES", "PORTUGUESE");
	}

	private Keywords() {
	}

	/**
	 * @param text an inbound SMS body
	 * @return what it asks for; {@link Command.Type#OTHER} when the first word is no
	 * keyword
	 */
	static Command parse(String text) {
		String normalized = Text.normalize(text);
		String[] words = normalized.split(" ", 2);
		String first = words[0].replaceAll("[^A-Z0-9]", "");
		String rest = (words.length > 1) ? words[1] : "";
		Entry entry = WORDS.get(first);
		if (entry == null) {
			return new Command(Command.Type.OTHER, null, null, normalized, null);
		}
		return new Command(entry.type(), first, entry.language(), rest, entry.switchTo());
	}

	private static void words(Command.Type type, String language, String... words) {
		for (String word : words) {
			WORDS.put(word, new Entry(type, language, null));
		}
	}

	private static void language(String code, String... words) {
		for (String word : words) {
			WORDS.put(word, new Entry(Command.Type.LANGUAGE, code, code));
		}
	}

	private record Entry(Command.Type type, String language, String switchTo) {

	}

}
