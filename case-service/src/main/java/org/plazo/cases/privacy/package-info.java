/**
 * Privacy: encryption of personal data at rest with Google Tink, the person keys whose
 * destruction erases a person, the case audit log, and the Law 81 rights (contact lookup,
 * rectification, export, cancellation, retention).
 */
package org.plazo.cases.privacy;
