package org.plazo.notify.partners.ngos;

/**
 * A request from an operator: a bearer token with the operator role. A controller method
 * that takes one is reachable only with such a token.
 */
public record OperatorAccess() {

}
