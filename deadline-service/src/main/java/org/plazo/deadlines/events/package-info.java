/**
 * Kafka plumbing: publishing CloudEvents, topics, and the error handling shared by every
 * listener.
 */
package org.plazo.deadlines.events;
