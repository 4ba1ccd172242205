package org.plazo.cases.privacy;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Master key rotation, for operators (docs/security.md has the procedure).
 */
@RestController
@RequestMapping("/api/v1/privacy")
class KeyRotationController {

	private final MasterKeys master;

	private final PersonKeys keys;

	KeyRotationController(MasterKeys master, PersonKeys keys) {
		this.master = master;
		this.keys = keys;
	}

	/**
	 * One instance: makes a new master key primary (the old ones stay, for decryption),
	 * then re-wraps every person key under it.
	 */
	@PostMapping("/rotate-master-key")
	Rotation rotate() {
		int previous = this.master.primaryKeyId();
		this.master.addPrimary();
		return rewrapped(previous);
	}

	/**
	 * Several instances: after a keyset with a new primary was rolled out to every
	 * instance, reads the keyset file again and re-wraps every person key under its
	 * primary.
	 */
	@PostMapping("/rewrap-person-keys")
	Rotation rewrap() {
		int previous = this.master.primaryKeyId();
		this.master.reload();
		return rewrapped(previous);
	}

	private Rotation rewrapped(int previous) {
		int rewrapped = this.keys.rewrap();
		return new Rotation(previous, this.master.primaryKeyId(), this.master.keyIds(), rewrapped,
				this.keys.wrappedUnderOtherThan(this.master.primaryKeyId()));
	}

	/**
	 * @param previousPrimaryKeyId the primary before
	 * @param primaryKeyId the primary now
	 * @param keyIds every key of the master keyset
	 * @param rewrapped person keys re-wrapped now
	 * @param wrappedUnderOtherKeys person keys still wrapped under another key than the
	 * primary (0: the old keys may be disabled)
	 */
	record Rotation(int previousPrimaryKeyId, int primaryKeyId, List<Integer> keyIds, int rewrapped,
			long wrappedUnderOtherKeys) {

	}

}
