/**
 * The operator console at {@code /console}: server-rendered pages showing who is about to
 * miss a deadline and whether reminders reach people, with login, roles and an audit of
 * every action.
 */
package org.plazo.cases.console;
