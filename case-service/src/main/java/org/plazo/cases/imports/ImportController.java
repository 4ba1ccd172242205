package org.plazo.cases.imports;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import for scripts: upload a caseload as a {@code text/csv} body or a multipart
 * {@code file}, then follow it.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private static final URI NOT_FOUND = URI.create("urn:plazo:problem:not-found");

	private final CaseImports imports;

	ImportController(CaseImports imports) {
		this.imports = imports;
	}

	@GetMapping("/template.csv")
	ResponseEntity<byte[]> template() {
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header("Content-Disposition",
					ContentDisposition.attachment().filename("plazo-import-template.csv").build().toString())
			.body(this.imports.template());
	}

	@PostMapping(consumes = "text/csv")
	ResponseEntity<ImportStatus> upload(InputStream body, @RequestParam(required = false) String fileName,
			Principal principal) throws IOException {
		// Read no more than one byte past the limit, whatever the client sends.
		byte[] csv = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.imports.maxFileSize() + 1));
		return accepted(this.imports.start(fileName, csv, actor(principal)));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportStatus> uploadFile(@RequestParam("file") MultipartFile file, Principal principal)
			throws IOException {
		if (file.getSize() > this.imports.maxFileSize()) {
			throw this.imports.tooLarge();
		}
		return accepted(this.imports.start(file.getOriginalFilename(), file.getBytes(), actor(principal)));
	}

	@GetMapping("/{importId}")
	ImportStatus get(@PathVariable String importId) {
		return this.imports.find(importId).orElseThrow(() -> {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
					"There is no import with this id.");
			problem.setType(NOT_FOUND);
			problem.setTitle("Not found");
			return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
		});
	}

	private static ResponseEntity<ImportStatus> accepted(ImportStatus status) {
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + status.importId())).body(status);
	}

	private static String actor(Principal principal) {
		return (principal != null) ? principal.getName() : "api";
	}

}
