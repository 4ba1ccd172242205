package org.plazo.notify.partners.ngos;

import java.util.Base64;

import org.plazo.notify.partners.support.Secrets;

/**
 * The opaque references an organisation knows cases, deadlines and messages by: an HMAC
 * of the internal id under the organisation's own key, so they are stable, differ from
 * one organisation to the next, and reveal nothing.
 */
public final class CaseReferences {

	private CaseReferences() {
	}

	/** The case as this organisation knows it, e.g. {@code cr_Q0m...}. */
	public static String caseRef(Ngo ngo, String caseId) {
		return "cr_" + of(ngo, "case", caseId);
	}

	/**
	 * Any other internal id (deadline, reminder, notification) as this organisation knows
	 * it.
	 * @param kind what the id names, so equal ids of different kinds differ
	 */
	public static String ref(Ngo ngo, String kind, String id) {
		return kind.substring(0, 2) + "_" + of(ngo, kind, id);
	}

	private static String of(Ngo ngo, String kind, String id) {
		// 128 bits of the HMAC: collisions are out of reach, and the reference stays
		// short.
		return Secrets.hmac(Base64.getUrlDecoder().decode(ngo.referenceKey()), kind + ":" + id).substring(0, 22);
	}

}
