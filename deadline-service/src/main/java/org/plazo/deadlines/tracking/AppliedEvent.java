package org.plazo.deadlines.tracking;

import java.time.Instant;

/**
 * A case event this service applied, remembered to recognise its redelivery.
 *
 * @param id the CloudEvents id
 * @param appliedAt when it was applied
 */
record AppliedEvent(String id, Instant appliedAt) {

}
