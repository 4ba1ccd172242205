/**
 * Partner organisations: their registration and API keys, how a request proves which one
 * it comes from, the cases linked to each with the applicant's consent, and the opaque
 * references each one knows those cases by.
 */
package org.plazo.notify.partners.ngos;
