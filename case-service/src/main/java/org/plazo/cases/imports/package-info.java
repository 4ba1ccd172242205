/**
 * Caseload import: an organisation moving to Plazo uploads its cases as CSV; every row is
 * checked by the API's rules before anything is stored, and a good file is imported
 * whole, even across a restart.
 */
package org.plazo.cases.imports;
