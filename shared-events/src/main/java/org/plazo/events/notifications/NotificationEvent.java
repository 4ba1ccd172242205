package org.plazo.events.notifications;

import org.plazo.events.PlazoEvent;

/**
 * The notification stream: what happened to each message sent to a person.
 */
public sealed interface NotificationEvent extends PlazoEvent
		permits NotificationSent, NotificationFailed, NotificationDelivered, OptOutRecorded, SelfRegistrationConfirmed {

}
