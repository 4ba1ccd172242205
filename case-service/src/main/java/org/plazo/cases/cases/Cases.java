package org.plazo.cases.cases;

import java.util.Optional;

import org.springframework.data.repository.Repository;

/**
 * The stored cases, read and written by {@code _id} only.
 */
interface Cases extends Repository<Case, String>, CaseEventAppends {

	/** Stores a new case with its first events. */
	Case save(Case aCase);

	Optional<Case> findById(String id);

}
