/**
 * deadline-service: computes every legal deadline of a case and schedules its reminders.
 */
package org.plazo.deadlines;
