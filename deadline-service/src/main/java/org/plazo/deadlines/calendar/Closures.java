package org.plazo.deadlines.calendar;

import org.springframework.data.mongodb.repository.MongoRepository;

/**
 * The stored closures and observances (collection {@code closures}). Read whole at
 * start-up and after each change: there are a few dozen a year.
 */
interface Closures extends MongoRepository<ClosureDocument, String> {

}
