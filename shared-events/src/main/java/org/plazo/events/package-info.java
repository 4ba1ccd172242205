/**
 * Event contracts shared by the Plazo services: plain records, their CloudEvents type
 * names and the codec that puts them on the wire.
 */
package org.plazo.events;
