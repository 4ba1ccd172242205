package org.plazo.stack;

/**
 * A user of the operator console in the development stack, whose password is public.
 *
 * @param username the login name
 * @param password the password, printed at start
 * @param passwordHash its bcrypt hash, as case-service is configured with it
 * @param role {@code OPERATOR} or {@code VIEWER}
 */
record DevConsoleUser(String username, String password, String passwordHash, String role) {

}
