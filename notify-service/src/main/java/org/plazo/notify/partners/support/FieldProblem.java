package org.plazo.notify.partners.support;

/**
 * One bad field of a request. The detail says what is wrong, never the value submitted.
 *
 * @param field the field's path in the request, e.g. {@code eventTypes[2]}
 * @param detail what is wrong with it
 */
public record FieldProblem(String field, String detail) {

}
