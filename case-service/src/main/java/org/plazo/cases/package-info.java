/**
 * case-service: registers asylum cases and their procedural events and publishes them on
 * the case stream.
 */
package org.plazo.cases;
