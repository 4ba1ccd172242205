package org.plazo.cases.console;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.plazo.cases.imports.CaseImports;
import org.plazo.cases.imports.ImportRefusedException;
import org.plazo.cases.imports.ImportStatus;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Uploading a caseload as CSV through {@link CaseImports}: the template, the upload, its
 * progress (a page that refreshes itself, and a little script that polls when scripts
 * run) and the report of rejected rows. A bad file imports nothing.
 */
@Controller
class ImportPageController {

	private final CaseImports imports;

	private final ConsoleAudit audit;

	ImportPageController(CaseImports imports, ConsoleAudit audit) {
		this.imports = imports;
		this.audit = audit;
	}

	@GetMapping("/console/import")
	String importPage(Model model) {
		model.addAttribute("problems", List.of());
		model.addAttribute("maxKb", this.imports.maxFileSize() / 1024);
		return "console/import";
	}

	@GetMapping("/console/import/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"plazo-caseload-template.csv\"")
			.body(this.imports.template());
	}

	@PostMapping("/console/import")
	String upload(@RequestParam(required = false) MultipartFile file, Authentication who, Model model,
			HttpServletResponse response) throws IOException {
		model.addAttribute("maxKb", this.imports.maxFileSize() / 1024);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", List.of(new Outcome.FieldProblem("file", "")));
			model.addAttribute("noFile", true);
			return "console/import";
		}
		if (file.getSize() > this.imports.maxFileSize()) {
			this.audit.record(who, "import.start", "-", "REFUSED");
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			model.addAttribute("problems", List.of(new Outcome.FieldProblem("file", "")));
			model.addAttribute("tooLarge", true);
			return "console/import";
		}
		try {
			ImportStatus started = this.imports.start(file.getOriginalFilename(), file.getBytes(), who.getName());
			this.audit.record(who, "import.start", started.importId(), "OK");
			return "redirect:/console/import/" + started.importId();
		}
		catch (ImportRefusedException ex) {
			this.audit.record(who, "import.start", "-", "REFUSED");
			response.setStatus(ex.getStatusCode().value());
			model.addAttribute("problems",
					ex.problems()
						.stream()
						.map((problem) -> new Outcome.FieldProblem(problem.field(), problem.detail()))
						.toList());
			return "console/import";
		}
	}

	@GetMapping("/console/import/{importId}")
	String progress(@PathVariable String importId, Model model) {
		ImportStatus status = find(importId);
		model.addAttribute("status", status);
		model.addAttribute("percent", percent(status));
		return "console/import-progress";
	}

	/** What the progress script polls. */
	@GetMapping(path = "/console/import/{importId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> status(@PathVariable String importId) {
		ImportStatus status = find(importId);
		return Map.of("state", status.state().name(), "finished", status.finished(), "percent", percent(status),
				"processedRows", status.processedRows(), "totalRows", status.totalRows());
	}

	private ImportStatus find(String importId) {
		if (!importId.matches("[A-Za-z0-9-]{1,64}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return this.imports.find(importId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static int percent(ImportStatus status) {
		if (status.finished()) {
			return 100;
		}
		if (status.totalRows() == 0 || status.state() == ImportStatus.State.VALIDATING) {
			return 0;
		}
		return (int) (100L * status.processedRows() / status.totalRows());
	}

}
