package org.plazo.cases.cases;

/**
 * One bad field of a request. The detail says what is wrong, never the submitted value.
 *
 * @param field the field's path in the request, e.g. {@code applicant.phone} or
 * {@code household[0].birthDate}
 * @param detail what is wrong with it
 */
public record FieldProblem(String field, String detail) {

}
