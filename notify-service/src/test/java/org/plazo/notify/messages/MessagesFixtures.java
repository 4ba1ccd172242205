package org.plazo.notify.messages;

/**
 * Message writers for tests in other packages.
 */
public final class MessagesFixtures {

	private MessagesFixtures() {
	}

	public static Replies replies() {
		return new Replies(ReminderMessages.withPlaceholderLegalAid());
	}

}
