package org.plazo.deadlines.tracking;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * At start-up and every minute, publishes events a crash left in case documents.
 */
@Configuration(proxyBeanMethods = false)
class OutboxSweep {

	@Bean
	JobDetail outboxSweepJob() {
		return JobBuilder.newJob(SweepJob.class).withIdentity("outbox-sweep", "deadlines").storeDurably().build();
	}

	@Bean
	Trigger outboxSweepTrigger(JobDetail outboxSweepJob) {
		return TriggerBuilder.newTrigger()
			.forJob(outboxSweepJob)
			.withIdentity("outbox-sweep", "deadlines")
			.withSchedule(SimpleScheduleBuilder.repeatMinutelyForever())
			.startNow()
			.build();
	}

	@DisallowConcurrentExecution
	static class SweepJob extends QuartzJobBean {

		private final OutboxRelay relay;

		SweepJob(OutboxRelay relay) {
			this.relay = relay;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			this.relay.sweep();
		}

	}

}
