package org.plazo.cases.console;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.plazo.cases.imports.CaseImports;
import org.plazo.cases.imports.ImportStatus;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The import page: template, upload, progress, and the report of rejected rows.
 */
@WebMvcTest(controllers = ImportPageController.class)
@Import(ConsoleSecurity.class)
class ImportPageTests {

	static final String IMPORT_ID = "3c1b7f9e-2d4a-4e8b-9a61-0f5d2c7e8b10";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CaseImports imports;

	@MockitoBean
	ConsoleAudit audit;

	@Test
	void offersTheTemplateToDownload() throws Exception {
		given(this.imports.template()).willReturn("name,phone\n".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(get("/console/import/template.csv").with(user("luis-lector").roles("VIEWER")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(content().string("name,phone\n"));
	}

	@Test
	void startsAnImportForAnOperatorAndShowsItsProgress() throws Exception {
		given(this.imports.maxFileSize()).willReturn(1024L * 1024);
		given(this.imports.start(any(), any(), anyString()))
			.willReturn(importIn(ImportStatus.State.VALIDATING, List.of()));
		this.mvc.perform(multipart("/console/import")
			.file(new MockMultipartFile("file", "caseload.csv", "text/csv",
					"name,phone\n".getBytes(StandardCharsets.UTF_8)))
			.with(user("ana-operadora").roles("OPERATOR"))
			.with(csrf())).andExpect(redirectedUrl("/console/import/" + IMPORT_ID));
		then(this.imports).should()
			.start("caseload.csv", "name,phone\n".getBytes(StandardCharsets.UTF_8), "ana-operadora");

		given(this.imports.find(IMPORT_ID)).willReturn(Optional.of(importIn(ImportStatus.State.VALIDATING, List.of())));
		this.mvc.perform(get("/console/import/" + IMPORT_ID).with(user("ana-operadora").roles("OPERATOR")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"import-progress\"")))
			.andExpect(content().string(containsString("http-equiv=\"refresh\"")));
	}

	@Test
	void reportsEveryRejectedRowAndSaysNothingWasImported() throws Exception {
		given(this.imports.find(IMPORT_ID)).willReturn(Optional.of(importIn(ImportStatus.State.REJECTED,
				List.of(new ImportStatus.RejectedRow(3, "phone", "must be a valid phone number in E.164 format")))));
		this.mvc
			.perform(get("/console/import/" + IMPORT_ID).with(user("luis-lector").roles("VIEWER"))
				.header("Accept-Language", "en"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a valid phone number in E.164 format")))
			.andExpect(content().string(containsString("nothing was imported")));
	}

	@Test
	void refusesAnUploadWithoutAFileAndAViewersUpload() throws Exception {
		given(this.imports.maxFileSize()).willReturn(1024L * 1024);
		this.mvc
			.perform(multipart("/console/import").with(user("ana-operadora").roles("OPERATOR"))
				.with(csrf())
				.header("Accept-Language", "en"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Choose a CSV file.")));
		this.mvc
			.perform(multipart("/console/import")
				.file(new MockMultipartFile("file", "caseload.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
				.with(user("luis-lector").roles("VIEWER"))
				.with(csrf()))
			.andExpect(status().isForbidden());
		then(this.imports).should(never()).start(any(), any(), anyString());
	}

	private static ImportStatus importIn(ImportStatus.State state, List<ImportStatus.RejectedRow> rejected) {
		return new ImportStatus(IMPORT_ID, "caseload.csv", state, 10, 0, 0, rejected,
				Instant.parse("2027-05-13T15:00:00Z"), null);
	}

}
