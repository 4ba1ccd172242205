package org.plazo.cases.privacy;

import java.nio.file.Path;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of personal data protection ({@code plazo.privacy.*}).
 *
 * @param masterKeyset the service's master keyset, a Tink JSON keyset file; created with
 * one AES-256-GCM key when missing (development only: production keeps it in a KMS)
 * @param consentNoticeVersion the privacy notice in force, recorded with consent given by
 * SMS self-registration or an import
 * @param retentionAfterClosure how long after a case closed its person is erased
 */
@ConfigurationProperties("plazo.privacy")
record PrivacyProperties(@DefaultValue(".plazo-keys/case-service-master-keyset.json") Path masterKeyset,
		@DefaultValue("2026-11") String consentNoticeVersion, @DefaultValue("P2Y") Period retentionAfterClosure) {

}
