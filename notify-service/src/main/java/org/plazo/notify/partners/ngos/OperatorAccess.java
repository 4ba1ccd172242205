package org.plazo.notify.partners.ngos;

/**
 * A request from an operator, proven for now by the configured token in
 * {@code X-Plazo-Operator-Token} (issue 7 brings real authentication). A controller
 * method that takes one is reachable only with that token.
 */
public record OperatorAccess() {

}
