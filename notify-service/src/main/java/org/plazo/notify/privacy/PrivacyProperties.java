package org.plazo.notify.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the keys are.
 *
 * @param masterKeyset the master keyset file (Tink JSON keyset of AEAD keys) that wraps
 * every person key; created with a warning when missing; empty: a keyset in memory only
 * (tests), lost at stop
 * @param lookupKey the key of the phone index: a Tink MAC keyset (JSON) or a file of 32
 * raw bytes; created like the master keyset; empty: in memory only
 * @param previousLookupKey during a rotation of the lookup key, the key before it (same
 * forms); empty otherwise
 */
@ConfigurationProperties("plazo.privacy")
public record PrivacyProperties(String masterKeyset, String lookupKey, String previousLookupKey) {

}
