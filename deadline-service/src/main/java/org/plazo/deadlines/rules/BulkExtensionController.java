package org.plazo.deadlines.rules;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.plazo.deadlines.calendar.InvalidInput;
import org.plazo.deadlines.calendar.NotFound;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * ONPAR's bulk extensions of documents by resolution, entered by an operator.
 */
@RestController
@RequestMapping("/api/v1/bulk-extensions")
class BulkExtensionController {

	private static final Set<DeadlineKind> EXTENSIBLE = Set.of(DeadlineKind.PROVISIONAL_CARD,
			DeadlineKind.ASYLUM_CERTIFICATE);

	private final BulkExtensionManagement extensions;

	BulkExtensionController(BulkExtensionManagement extensions) {
		this.extensions = extensions;
	}

	@GetMapping
	List<BulkExtension> all() {
		return this.extensions.current();
	}

	/**
	 * Every document of the given kinds (default: provisional cards and certificates)
	 * expiring between {@code expiringFrom} and {@code expiringTo} is valid until
	 * {@code validUntil}.
	 */
	@PostMapping
	ResponseEntity<BulkExtension> add(@Valid @RequestBody NewBulkExtension body) {
		Set<DeadlineKind> documents = (body.documents() == null || body.documents().isEmpty()) ? EXTENSIBLE
				: body.documents();
		if (!documents.stream().allMatch(DeadlineKind::bulkExtensible)) {
			throw new InvalidInput("documents", "must be PROVISIONAL_CARD or ASYLUM_CERTIFICATE");
		}
		if (body.expiringTo().isBefore(body.expiringFrom())) {
			throw new InvalidInput("expiringTo", "is before expiringFrom");
		}
		if (!body.validUntil().isAfter(body.expiringFrom())) {
			throw new InvalidInput("validUntil", "must be after expiringFrom");
		}
		BulkExtension extension = this.extensions.add(body.resolution().strip(), documents, body.expiringFrom(),
				body.expiringTo(), body.validUntil());
		return ResponseEntity.created(URI.create("/api/v1/bulk-extensions/" + extension.id())).body(extension);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> remove(@PathVariable String id) {
		if (!this.extensions.remove(id)) {
			throw new NotFound("There is no bulk extension with that id.");
		}
		return ResponseEntity.noContent().build();
	}

	record NewBulkExtension(@NotBlank @Size(max = 100) String resolution, Set<DeadlineKind> documents,
			@NotNull LocalDate expiringFrom, @NotNull LocalDate expiringTo, @NotNull LocalDate validUntil) {

	}

}
