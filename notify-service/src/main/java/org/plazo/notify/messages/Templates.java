package org.plazo.notify.messages;

import java.text.Format;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DateFormatSymbols;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.SimpleDateFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * The ICU message templates in {@code reminders_<language>.properties} beside this class.
 * A key missing in a language falls back to Spanish. Dates and hours are formatted in
 * Panama's time zone wherever the service runs; a language ICU has no calendar names for
 * (Haitian Creole) gives its own in {@code format.months} and {@code format.weekdays}.
 */
final class Templates {

	static final ZoneId PANAMA = ZoneId.of("America/Panama");

	private static final String BUNDLE = "org.plazo.notify.messages.reminders";

	private Templates() {
	}

	static ResourceBundle bundle(Locale locale) {
		return ResourceBundle.getBundle(BUNDLE, locale,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
	}

	static boolean has(Locale locale, String key) {
		return bundle(locale).containsKey(key) || bundle(Language.SPANISH).containsKey(key);
	}

	static String text(Locale locale, String key) {
		ResourceBundle bundle = bundle(locale);
		return bundle.containsKey(key) ? bundle.getString(key) : bundle(Language.SPANISH).getString(key);
	}

	static String format(Locale locale, String key, Map<String, Object> arguments) {
		ResourceBundle bundle = bundle(locale);
		boolean own = bundle.containsKey(key);
		Locale used = own ? locale : Language.SPANISH;
		ResourceBundle source = own ? bundle : bundle(Language.SPANISH);
		MessageFormat message = new MessageFormat(source.getString(key), ULocale.forLocale(used));
		DateFormatSymbols symbols = symbols(source, used);
		for (Format format : message.getFormats()) {
			if (format instanceof DateFormat date) {
				date.setTimeZone(TimeZone.getTimeZone(PANAMA.getId()));
			}
			if (symbols != null && format instanceof SimpleDateFormat simple) {
				simple.setDateFormatSymbols(symbols);
			}
		}
		return message.format(arguments);
	}

	private static DateFormatSymbols symbols(ResourceBundle bundle, Locale locale) {
		if (!bundle.containsKey("format.months") || !bundle.containsKey("format.weekdays")) {
			return null;
		}
		DateFormatSymbols symbols = new DateFormatSymbols(ULocale.forLocale(locale));
		String[] months = bundle.getString("format.months").split(",");
		String[] weekdays = bundle.getString("format.weekdays").split(",");
		String[] sundayFirst = new String[8];
		sundayFirst[0] = "";
		System.arraycopy(weekdays, 0, sundayFirst, 1, 7);
		symbols.setMonths(months);
		symbols.setWeekdays(sundayFirst);
		return symbols;
	}

}
