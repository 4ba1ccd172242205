package org.plazo.deadlines.rules;

import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * The stored bulk extensions (collection {@code bulk-extensions}); a handful a year, read
 * whole.
 */
interface BulkExtensions extends MongoRepository<BulkExtensionDocument, String> {

}
