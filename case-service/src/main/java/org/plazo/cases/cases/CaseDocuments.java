package org.plazo.cases.cases;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Binary;

import org.springframework.data.mongodb.core.mapping.event.AbstractMongoEventListener;
import org.springframework.data.mongodb.core.mapping.event.AfterLoadEvent;
import org.springframework.data.mongodb.core.mapping.event.BeforeSaveEvent;
import org.springframework.stereotype.Component;

/**
 * Encrypts a case's personal fields on their way into MongoDB and decrypts them on their
 * way out, so nothing personal is stored in plaintext: the applicant's name, phone and
 * email, and each household member's name and date of birth. Each becomes {@code {keyId,
 * ciphertext}}; the value inside keeps its BSON type.
 */
@Component
class CaseDocuments extends AbstractMongoEventListener<Case> {

	static final String KEY_ID = "keyId";

	static final String CIPHERTEXT = "ciphertext";

	private static final List<String> APPLICANT_FIELDS = List.of("name", "phone", "email");

	private static final List<String> MEMBER_FIELDS = List.of("name", "birthDate");

	private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder()
		.outputMode(JsonMode.EXTENDED)
		.build();

	private final PersonalDataCipher cipher;

	CaseDocuments(PersonalDataCipher cipher) {
		this.cipher = cipher;
	}

	@Override
	public void onBeforeSave(BeforeSaveEvent<Case> event) {
		Document document = event.getDocument();
		if (document != null && document.get("_id") != null) {
			PersonalDataCipher.ForCase cipher = this.cipher.forCase(document.get("_id").toString());
			transform(document, (field, value) -> seal(cipher, field, value));
		}
	}

	// The document read is the one mapped to the case next: decrypted in place.
	@Override
	public void onAfterLoad(AfterLoadEvent<Case> event) {
		Document document = event.getDocument();
		if (document != null && document.get("_id") != null) {
			PersonalDataCipher.ForCase cipher = this.cipher.forCase(document.get("_id").toString());
			transform(document, (field, value) -> open(cipher, field, value));
		}
	}

	/** Encrypts an applicant sub-document in place, for an update that sets it whole. */
	void sealApplicant(String caseId, Document applicant) {
		PersonalDataCipher.ForCase cipher = this.cipher.forCase(caseId);
		fields(applicant, "applicant.", APPLICANT_FIELDS, (field, value) -> seal(cipher, field, value));
	}

	private static void transform(Document document, Transform transform) {
		if (document.get("applicant") instanceof Document applicant) {
			fields(applicant, "applicant.", APPLICANT_FIELDS, transform);
		}
		if (document.get("household") instanceof List<?> household) {
			for (int i = 0; i < household.size(); i++) {
				if (household.get(i) instanceof Document member) {
					fields(member, "household." + i + ".", MEMBER_FIELDS, transform);
				}
			}
		}
	}

	private static void fields(Document document, String prefix, List<String> names, Transform transform) {
		for (String name : names) {
			Object value = document.get(name);
			if (value != null) {
				document.put(name, transform.apply(prefix + name, value));
			}
		}
	}

	private static Object seal(PersonalDataCipher.ForCase cipher, String field, Object value) {
		if (isSealed(value)) {
			return value;
		}
		byte[] plaintext = new Document("v", value).toJson(EXTENDED).getBytes(StandardCharsets.UTF_8);
		PersonalDataCipher.Sealed sealed = cipher.seal(field, plaintext);
		return new Document(KEY_ID, sealed.keyId()).append(CIPHERTEXT, new Binary(sealed.ciphertext()));
	}

	// A value written before encryption was switched on is read as it is.
	private static Object open(PersonalDataCipher.ForCase cipher, String field, Object value) {
		if (!isSealed(value)) {
			return value;
		}
		Document sealed = (Document) value;
		byte[] plaintext = cipher.open(field,
				new PersonalDataCipher.Sealed(sealed.getInteger(KEY_ID), ((Binary) sealed.get(CIPHERTEXT)).getData()));
		return Document.parse(new String(plaintext, StandardCharsets.UTF_8)).get("v");
	}

	static boolean isSealed(Object value) {
		return value instanceof Document document && document.get(CIPHERTEXT) instanceof Binary
				&& document.get(KEY_ID) instanceof Integer;
	}

	@FunctionalInterface
	private interface Transform {

		Object apply(String field, Object value);

	}

}
