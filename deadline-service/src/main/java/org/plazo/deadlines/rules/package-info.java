/**
 * The legal rules of the procedure as data, and the engine that turns a case's facts into
 * deadlines with their explanation.
 */
package org.plazo.deadlines.rules;
