package org.plazo.deadlines.tracking;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseDeadlinesRepository extends MongoRepository<CaseDeadlines, String> {

}
