/**
 * Operations API for the operator console: who is about to miss a deadline, each case's
 * reminders, the reminder load per day and a case's export, behind operator and viewer
 * tokens.
 */
package org.plazo.deadlines.operations;
