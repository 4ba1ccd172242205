package org.plazo.stack;

import java.util.Map;

/**
 * An SMS that notify-service's dev adapter wrote to the outbox file instead of sending.
 *
 * @param to the recipient's number
 * @param body the text
 * @param at when it was sent, as written
 * @param fields every field of the line, including any not named above
 */
public record OutboxSms(String to, String body, String at, Map<String, Object> fields) {

}
