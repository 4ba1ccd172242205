/**
 * Abuse resistance of the public endpoints: rate limits per sender number, per client
 * address and per API key, so nobody can burn the SMS budget or enumerate people.
 */
package org.plazo.notify.abuse;
