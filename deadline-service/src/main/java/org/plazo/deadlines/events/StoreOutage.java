package org.plazo.deadlines.events;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Whether a failure was caused by MongoDB being unreachable: such failures say nothing
 * about the record in hand, and are waited out rather than dead-lettered.
 */
public final class StoreOutage {

	private StoreOutage() {
	}

	/**
	 * @param ex a failure
	 * @return whether MongoDB being unreachable caused it, anywhere in its cause chain
	 */
	public static boolean causedBy(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof MongoSocketException || cause instanceof MongoTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
