package org.plazo.cases.cases;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * The stored cases, read and written by {@code _id} only.
 */
interface Cases extends Repository<Case, String>, CaseEventAppends, PersonalDataStore {

	/** Stores a new case with its first events. */
	Case save(Case aCase);

	/** Stores a new case with its first events; never replaces one, nor a tombstone. */
	Case insert(Case aCase);

	/** Whether a case or the tombstone of an erased one has this id. */
	boolean existsById(String id);

}
