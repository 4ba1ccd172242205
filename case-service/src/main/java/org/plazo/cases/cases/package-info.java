/**
 * Cases: registering a person's asylum case, the facts of its procedure, and the case
 * events they cause.
 */
package org.plazo.cases.cases;
