/**
 * Events published by case-service on {@code plazo.case-events.v1}.
 */
package org.plazo.events.cases;
