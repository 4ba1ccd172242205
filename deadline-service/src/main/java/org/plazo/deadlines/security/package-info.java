/**
 * Who may call what: bearer JWTs checked by the resource server, roles mapped from the
 * token, 401 and 403 as problems, and which cases a caseworker may see.
 */
package org.plazo.deadlines.security;
