/**
 * The embedded default: the whole Plazo system in one JVM, for developers and end-to-end
 * tests.
 */
package org.plazo.stack;
