/**
 * Who may call what: bearer JWTs of operators and viewers on the operations API, and
 * which paths keep their own credentials (NGO API keys, provider signatures, feed
 * tokens).
 */
package org.plazo.notify.security;
