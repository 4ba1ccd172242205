/**
 * Operations API for the operator console: who is about to miss a deadline, each case's
 * reminders and the reminder load per day, read-only and behind the operations token.
 */
package org.plazo.deadlines.operations;
