package org.plazo.deadlines.reminders;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Quartz only fires; the dispatcher decides. One repeating trigger loads windows; one
 * trigger per due instant (each with a job of its own) fires its group. The dispatcher's
 * name among the others (its slots, {@link DispatcherSlots}) is
 * {@code plazo.dispatcher.instance-id}, by default the application's name, host and port,
 * which a restarted instance keeps.
 */
@Configuration(proxyBeanMethods = false)
class DispatcherConfiguration {

	static final JobKey LOAD_JOB = JobKey.jobKey("load-due-reminders", "reminders");

	@Bean
	DispatcherSlots dispatcherSlots(MongoTemplate mongo, Clock clock, DispatcherProperties properties,
			Environment environment) {
		String instance = properties.instanceId();
		if (instance == null || instance.isBlank()) {
			instance = environment.getProperty("spring.application.name", "deadline-service") + "@" + host() + ":"
					+ environment.getProperty("server.port", "8080");
		}
		return new DispatcherSlots(mongo, clock, instance, properties.lease());
	}

	/**
	 * How many slots this dispatcher holds: summed over instances it is
	 * {@value Reminder#SLOTS} when every slot has a live dispatcher.
	 */
	@Bean
	MeterBinder dispatcherSlotsGauge(DispatcherSlots slots) {
		return (registry) -> Gauge.builder("plazo.dispatcher.slots", slots, (held) -> held.held().size())
			.description("Reminder slots this dispatcher holds")
			.register(registry);
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	@Bean
	JobDetail loadDueRemindersJob() {
		return JobBuilder.newJob(LoadDueRemindersJob.class).withIdentity(LOAD_JOB).storeDurably().build();
	}

	@Bean
	Trigger loadDueRemindersTrigger(JobDetail loadDueRemindersJob, DispatcherProperties properties) {
		return TriggerBuilder.newTrigger()
			.forJob(loadDueRemindersJob)
			.withIdentity("load-due-reminders", "reminders")
			.withSchedule(SimpleScheduleBuilder.simpleSchedule()
				.withIntervalInMilliseconds(properties.pollInterval().toMillis())
				.repeatForever()
				.withMisfireHandlingInstructionNextWithRemainingCount())
			.startNow()
			.build();
	}

	@DisallowConcurrentExecution
	static class LoadDueRemindersJob extends QuartzJobBean {

		private final ReminderDispatcher dispatcher;

		LoadDueRemindersJob(ReminderDispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.dispatcher.loadWindow();
		}

	}

	static class FireRemindersJob extends QuartzJobBean {

		private final ReminderDispatcher dispatcher;

		FireRemindersJob(ReminderDispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			long fireAt = context.getMergedJobDataMap().getLong(ReminderDispatcher.FIRE_AT);
			this.dispatcher.fireGroup(Instant.ofEpochMilli(fireAt));
		}

	}

}
