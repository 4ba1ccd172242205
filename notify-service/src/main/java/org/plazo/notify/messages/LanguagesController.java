package org.plazo.notify.messages;

import java.util.List;
import java.util.Locale;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Which languages messages are written in, and which still need a native speaker's
 * review.
 */
@RestController
class LanguagesController {

	private final ReminderMessages messages;

	LanguagesController(ReminderMessages messages) {
		this.messages = messages;
	}

	@GetMapping("/api/v1/messages/languages")
	List<LanguageView> languages() {
		return this.messages.reviewStatus()
			.entrySet()
			.stream()
			.map((entry) -> new LanguageView(entry.getKey(),
					Templates.text(Locale.forLanguageTag(entry.getKey()), "language.name"), entry.getValue()))
			.toList();
	}

	/**
	 * @param code ISO 639 code
	 * @param name the language's name in itself
	 * @param reviewStatus {@code complete} or {@code needs-native-review}
	 */
	record LanguageView(String code, String name, String reviewStatus) {

	}

}
