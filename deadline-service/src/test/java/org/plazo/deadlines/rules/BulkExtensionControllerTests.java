package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.plazo.deadlines.rules.PreviewControllerTests.assertInvalid;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.plazo.deadlines.security.DeadlineSecurity;
import org.plazo.deadlines.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@WebMvcTest(BulkExtensionController.class)
@Import({ DeadlineSecurity.class, TestTokens.AsOperator.class })
class BulkExtensionControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	BulkExtensionManagement extensions;

	@Test
	void addsABulkExtensionWithItsResolutionNumber() {
		given(this.extensions.add(any(), any(), any(), any(), any()))
			.willReturn(new BulkExtension("x-1", "P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD),
					LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15)));

		MvcTestResult result = post("""
				{"resolution": "P-095-20", "documents": ["PROVISIONAL_CARD"], "expiringFrom": "2020-03-15",
				 "expiringTo": "2020-05-14", "validUntil": "2020-05-15"}
				""");

		assertThat(result).hasStatus(HttpStatus.CREATED);
		assertThat(result.getResponse().getHeader("Location")).isEqualTo("/api/v1/bulk-extensions/x-1");
		assertThat(result).bodyJson().extractingPath("$.resolution").isEqualTo("P-095-20");
		then(this.extensions).should()
			.add("P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD), LocalDate.of(2020, 3, 15),
					LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));
	}

	@Test
	void coversCardsAndCertificatesWhenNoDocumentsAreNamed() {
		given(this.extensions.add(any(), any(), any(), any(), any()))
			.willReturn(new BulkExtension("x-1", "P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD),
					LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15)));

		post("""
				{"resolution": "P-095-20", "expiringFrom": "2020-03-15", "expiringTo": "2020-05-14",
				 "validUntil": "2020-05-15"}
				""");

		then(this.extensions).should()
			.add("P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD, DeadlineKind.ASYLUM_CERTIFICATE),
					LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));
	}

	@Test
	void rejectsUnknownOrNonDocumentKindsAndEmptyRanges() {
		assertInvalid(post("""
				{"resolution": "P-1", "documents": ["PASSPORT"], "expiringFrom": "2020-03-15",
				 "expiringTo": "2020-05-14", "validUntil": "2020-05-15"}
				"""), "documents[0]");
		assertInvalid(post("""
				{"resolution": "P-1", "documents": ["FILING_WINDOW"], "expiringFrom": "2020-03-15",
				 "expiringTo": "2020-05-14", "validUntil": "2020-05-15"}
				"""), "documents");
		assertInvalid(post("""
				{"resolution": "P-1", "expiringFrom": "2020-05-15", "expiringTo": "2020-03-14",
				 "validUntil": "2020-06-15"}
				"""), "expiringTo");
		assertInvalid(post("""
				{"resolution": "", "expiringFrom": "2020-03-15", "expiringTo": "2020-05-14", "validUntil": "2020-05-15"}
				"""), "resolution");
		then(this.extensions).should(never()).add(any(), any(), any(), any(), any());
	}

	@Test
	void removingAnUnknownExtensionIsNotFound() {
		assertThat(this.mvc.delete().uri("/api/v1/bulk-extensions/nope").exchange()).hasStatus(HttpStatus.NOT_FOUND);
	}

	private MvcTestResult post(String body) {
		return this.mvc.post()
			.uri("/api/v1/bulk-extensions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

}
