/**
 * Personal data at rest: each personal field encrypted with its person's data key (Tink
 * AEAD, wrapped by the master keyset), phone numbers found by a keyed hash, and the
 * erasure and export of everything the service holds about a case.
 */
package org.plazo.notify.privacy;
