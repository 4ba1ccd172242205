/**
 * The events partners receive: each fanned-out event kept (minimised) for replays, the
 * rules of what an organisation may receive, and the minimised CloudEvent it receives.
 */
package org.plazo.notify.partners.events;
