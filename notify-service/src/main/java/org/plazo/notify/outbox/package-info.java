/**
 * Publishing the events aggregates record in their own documents (the outbox without
 * transactions), and sweeping up what a crash or a broker outage left behind.
 */
package org.plazo.notify.outbox;
