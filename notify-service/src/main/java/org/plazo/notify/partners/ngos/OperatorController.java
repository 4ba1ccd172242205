package org.plazo.notify.partners.ngos;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.plazo.notify.partners.support.Checks;
import org.plazo.notify.partners.support.NotFoundException;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators register partner organisations and issue or revoke their API keys. Guarded
 * for now by the configured operator token; issue 7 brings real authentication.
 */
@RestController
@RequestMapping("/api/v1/partners/ngos")
class OperatorController {

	private final NgoRegistry registry;

	OperatorController(NgoRegistry registry) {
		this.registry = registry;
	}

	@PostMapping
	ResponseEntity<IssuedKey> register(OperatorAccess operator, @RequestBody RegisterNgo request) {
		Checks checks = new Checks();
		checks.text("name", request.name(), 200);
		checks.email("contactEmail", request.contactEmail());
		checks.throwIfAny();
		NgoRegistry.Issued issued = this.registry.register(request.name().strip(), request.contactEmail().strip(),
				Boolean.TRUE.equals(request.kafkaFeed()));
		return ResponseEntity.created(URI.create("/api/v1/partners/ngos/" + issued.ngo().id()))
			.body(IssuedKey.of(issued));
	}

	@GetMapping
	List<NgoView> list(OperatorAccess operator) {
		return this.registry.all().stream().map(NgoView::of).toList();
	}

	@GetMapping("/{ngoId}")
	NgoView get(OperatorAccess operator, @PathVariable String ngoId) {
		return this.registry.find(ngoId).map(NgoView::of).orElseThrow(() -> new NotFoundException("organisation"));
	}

	/** A new API key, shown once; the previous one stops working at once. */
	@PostMapping("/{ngoId}/api-key")
	ResponseEntity<IssuedKey> issueKey(OperatorAccess operator, @PathVariable String ngoId) {
		return this.registry.issueApiKey(ngoId)
			.map((issued) -> ResponseEntity.status(201).body(IssuedKey.of(issued)))
			.orElseThrow(() -> new NotFoundException("organisation"));
	}

	@DeleteMapping("/{ngoId}/api-key")
	ResponseEntity<Void> revokeKey(OperatorAccess operator, @PathVariable String ngoId) {
		if (!this.registry.revokeApiKey(ngoId)) {
			throw new NotFoundException("organisation");
		}
		return ResponseEntity.noContent().build();
	}

	record RegisterNgo(String name, String contactEmail, Boolean kafkaFeed) {

	}

	record NgoView(String ngoId, String name, String contactEmail, boolean kafkaFeed, boolean apiKeyActive,
			Instant apiKeyIssuedAt, int endpoints, Instant createdAt) {

		static NgoView of(Ngo ngo) {
			return new NgoView(ngo.id(), ngo.name(), ngo.contactEmail(), ngo.kafkaFeed(), ngo.apiKeyHash() != null,
					ngo.apiKeyIssuedAt(), ngo.endpointIds().size(), ngo.createdAt());
		}

	}

	/** The key is in this answer and nowhere else: Plazo keeps only its hash. */
	record IssuedKey(String ngoId, String name, String apiKey, Instant issuedAt) {

		static IssuedKey of(NgoRegistry.Issued issued) {
			return new IssuedKey(issued.ngo().id(), issued.ngo().name(), issued.secret(),
					issued.ngo().apiKeyIssuedAt());
		}

	}

}
