/**
 * Panama's business-day calendar: statutory holidays by rule, operator-managed closures
 * and observances with their storage and REST API, and the service's problem details.
 */
package org.plazo.deadlines.calendar;
