/**
 * Access: who calls the JSON APIs (bearer JWTs from the identity provider), with which
 * roles, and the answers to a caller who may not.
 */
package org.plazo.cases.access;
