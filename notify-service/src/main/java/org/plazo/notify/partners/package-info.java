/**
 * Partner organisations (NGOs) following the cases they assist: the Kafka listener that
 * learns assignments and fans events out, and the wiring of the partner features.
 */
package org.plazo.notify.partners;
