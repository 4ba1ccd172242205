package org.plazo.notify.messages;

import org.junit.jupiter.api.Test;

import org.plazo.notify.security.NotifySecurity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

// Only this controller: other features' web components have their own tests.
@WebMvcTest(controllers = LanguagesController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
				pattern = "org\\.plazo\\.notify\\.(?!messages|ApiProblems).*"))
@Import({ ReminderMessages.class, NotifySecurity.class })
class LanguagesControllerTests {

	@Autowired
	private MockMvc mvc;

	@Test
	void listsTheLanguagesAndWhichAwaitANativeSpeakersReview() throws Exception {
		this.mvc.perform(get("/api/v1/messages/languages"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[0].code").value("es"))
			.andExpect(jsonPath("$[0].name").value("español"))
			.andExpect(jsonPath("$[0].reviewStatus").value("complete"))
			.andExpect(jsonPath("$[1].code").value("en"))
			.andExpect(jsonPath("$[1].reviewStatus").value("complete"))
			.andExpect(jsonPath("$[2].code").value("fr"))
			.andExpect(jsonPath("$[2].reviewStatus").value("needs-native-review"))
			.andExpect(jsonPath("$[3].code").value("ht"))
			.andExpect(jsonPath("$[3].name").value("kreyòl ayisyen"))
			.andExpect(jsonPath("$[3].reviewStatus").value("needs-native-review"))
			.andExpect(jsonPath("$[4].code").value("pt"))
			.andExpect(jsonPath("$[4].reviewStatus").value("needs-native-review"));
	}

}
