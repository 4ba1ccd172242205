/**
 * The SSRF guard: which addresses a partner's webhook may point to, checked when an
 * endpoint is registered and again by the HTTP client's own DNS resolution at every
 * delivery.
 */
package org.plazo.notify.partners.net;
