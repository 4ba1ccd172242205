package org.plazo.notify.conversations;

/**
 * What an inbound SMS asks for.
 *
 * @param type the request
 * @param keyword the keyword as normalised (e.g. {@code BAJA}), or {@code null}
 * @param language the language the keyword gives away, or {@code null} when it says
 * nothing (STOP is used everywhere)
 * @param rest the text after the keyword, normalised
 * @param switchTo for {@link Type#LANGUAGE}, the language asked for
 */
record Command(Type type, String keyword, String language, String rest, String switchTo) {

	enum Type {

		OPT_OUT, OPT_IN, HELP, NEXT, LANGUAGE, REGISTER, YES, NO, OTHER

	}

}
