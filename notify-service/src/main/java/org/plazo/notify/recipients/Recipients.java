package org.plazo.notify.recipients;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface Recipients extends CrudRepository<Recipient, String> {

	/**
	 * The cases reached at a phone. The one lookup by phone number, on an index (issue 7
	 * replaces the number with a keyed hash).
	 */
	List<Recipient> findByPhone(String phone);

}
