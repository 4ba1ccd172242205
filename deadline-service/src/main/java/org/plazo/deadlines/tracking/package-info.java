/**
 * Deadline tracking: the deadlines of each case, recomputed from its facts whenever a
 * case event, the calendar or the rules change, with the events and reminders that
 * follow.
 */
package org.plazo.deadlines.tracking;
