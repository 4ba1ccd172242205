package org.plazo.notify.email;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A deadline as an iCalendar (RFC 5545) event, so it lands in the person's calendar: at
 * the instant the term closes, in {@code America/Panama}, with an alarm a day before. The
 * UID is derived from the deadline id, so a later reminder of the same deadline updates
 * the same calendar entry instead of adding another.
 */
public final class DeadlineCalendar {

	static final String ZONE = "America/Panama";

	private static final ZoneId PANAMA = ZoneId.of(ZONE);

	private DeadlineCalendar() {
	}

	/**
	 * @param deadlineId the deadline, source of the UID
	 * @param summary the event's title
	 * @param description what it is, with its legal basis
	 * @param closesAt when the term closes
	 * @param alarm what the alarm says
	 * @param stamp when the calendar is written (DTSTAMP)
	 * @return the iCalendar text
	 */
	public static String of(String deadlineId, String summary, String description, Instant closesAt, String alarm,
			Instant stamp) {
		ParameterList inPanama = new ParameterList(List.of(new TzId(ZONE)));
		LocalDateTime local = LocalDateTime.ofInstant(closesAt, PANAMA);
		VEvent event = new VEvent(false);
		event.add(new Uid(UUID.nameUUIDFromBytes(deadlineId.getBytes(StandardCharsets.UTF_8)) + "@plazo"));
		event.add(new DtStamp(stamp));
		// A local time with its TZID, as RFC 5545 section 3.3.5 form 3. (ical4j would
		// convert a ZonedDateTime with its own rules for the zone, which start in 1890
		// with Panama's local mean time.)
		event.add(new DtStart<>(inPanama, local));
		event.add(new DtEnd<>(new ParameterList(List.of(new TzId(ZONE))), local));
		event.add(new Summary(summary));
		event.add(new Description(description));
		event.add(new Transp("TRANSPARENT"));
		event.add(new Status(Status.VALUE_CONFIRMED));
		VAlarm reminder = new VAlarm(Duration.ofDays(-1));
		reminder.add(new Action(Action.VALUE_DISPLAY));
		reminder.add(new Description(alarm));
		event.add(reminder);
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//Plazo//notify-service//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		calendar.add(ImmutableMethod.PUBLISH);
		calendar.add(panama());
		calendar.add(event);
		return calendar.toString();
	}

	/**
	 * Panama's time zone: UTC-5 all year, no daylight saving since 1908.
	 */
	private static VTimeZone panama() {
		ZoneOffset offset = ZoneOffset.ofHours(-5);
		PropertyList standard = new PropertyList(List.<Property>of(new TzName("EST"), new TzOffsetFrom(offset),
				new TzOffsetTo(offset), new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0))));
		return new VTimeZone(new PropertyList(List.<Property>of(new net.fortuna.ical4j.model.property.TzId(ZONE))),
				new ComponentList<>(List.<Observance>of(new Standard(standard))));
	}

}
