package org.plazo.benchmarks;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.h2.jdbcx.JdbcConnectionPool;
import org.plazo.events.EventCodec;
import org.plazo.events.deadlines.ReminderDue;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;

/**
 * The designs people would pick instead, doing the same work on the same machine: one
 * persistent trigger (Quartz, JDBC job store) or one persistent task (db-scheduler) per
 * reminder, in embedded H2. Each firing publishes the reminder's ReminderDue CloudEvent
 * to Kafka, as deadline-service's dispatcher does; a reminder counts when the broker has
 * acknowledged it.
 */
final class Baselines {

	private static final URI SOURCE = URI.create("urn:plazo:deadline-service");

	/** The work every design does per reminder: publish its ReminderDue. */
	static final class Publisher {

		private final KafkaProducer<String, CloudEvent> producer;

		private final String topic;

		private final EventCodec codec = new EventCodec();

		final AtomicInteger acked = new AtomicInteger();

		final AtomicLong lastAckNanos = new AtomicLong();

		final ConcurrentLinkedQueue<Double> latenessMs = new ConcurrentLinkedQueue<>();

		volatile long dueNanos;

		Publisher(KafkaRig kafka, String topic) {
			this.producer = kafka.cloudEventProducer();
			this.topic = topic;
			kafka.createTopics(topic);
		}

		void publish(String reminderId) {
			String caseId = "case-" + reminderId;
			Instant due = Instant.parse("2026-07-06T14:00:00Z");
			ReminderDue event = new ReminderDue(caseId, reminderId, caseId + ":FILING_WINDOW", "FILING_WINDOW",
					LocalDate.of(2026, 8, 5), Instant.parse("2026-08-05T21:00:00Z"), Reminders.LEGAL_BASIS, due);
			CloudEvent cloudEvent = this.codec.toCloudEvent(event, SOURCE, reminderId,
					OffsetDateTime.ofInstant(due, ZoneOffset.UTC));
			this.producer.send(new ProducerRecord<>(this.topic, caseId, cloudEvent), (metadata, ex) -> {
				if (ex == null) {
					long now = System.nanoTime();
					this.acked.incrementAndGet();
					this.lastAckNanos.set(now);
					this.latenessMs.add((now - this.dueNanos) / 1e6);
				}
			});
		}

		void close() {
			this.producer.close();
		}

	}

	record Outcome(int expected, int fired, double scheduleSeconds, double seconds, boolean complete, Stats lateness) {

		double secondsForAll() {
			return this.complete ? this.seconds : this.seconds * this.expected / Math.max(1, this.fired);
		}

	}

	private Baselines() {
	}

	// ---- Quartz, JDBC job store -------------------------------------------------------

	private static volatile Publisher quartzPublisher;

	/** The job of every reminder trigger. */
	public static class PublishReminderJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
			quartzPublisher.publish(context.getMergedJobDataMap().getString("reminderId"));
		}

	}

	/** Quartz's JDBC store gets its connections from an H2 pool. */
	public static class H2Connections implements ConnectionProvider {

		static volatile JdbcConnectionPool pool;

		@Override
		public Connection getConnection() throws SQLException {
			return pool.getConnection();
		}

		@Override
		public void shutdown() {
		}

		@Override
		public void initialize() {
		}

	}

	private static final List<String> QUARTZ_INDEXES = List.of(
			"create index idx_qrtz_t_j on qrtz_triggers(sched_name, job_name, job_group)",
			"create index idx_qrtz_t_jg on qrtz_triggers(sched_name, job_group)",
			"create index idx_qrtz_t_c on qrtz_triggers(sched_name, calendar_name)",
			"create index idx_qrtz_t_g on qrtz_triggers(sched_name, trigger_group)",
			"create index idx_qrtz_t_state on qrtz_triggers(sched_name, trigger_state)",
			"create index idx_qrtz_t_n_state on qrtz_triggers(sched_name, trigger_name, trigger_group, trigger_state)",
			"create index idx_qrtz_t_n_g_state on qrtz_triggers(sched_name, trigger_group, trigger_state)",
			"create index idx_qrtz_t_next_fire_time on qrtz_triggers(sched_name, next_fire_time)",
			"create index idx_qrtz_t_nft_st on qrtz_triggers(sched_name, trigger_state, next_fire_time)",
			"create index idx_qrtz_t_nft_misfire on qrtz_triggers(sched_name, misfire_instr, next_fire_time)",
			"create index idx_qrtz_t_nft_st_misfire on qrtz_triggers(sched_name, misfire_instr, next_fire_time, trigger_state)",
			"create index idx_qrtz_ft_trig_inst_name on qrtz_fired_triggers(sched_name, instance_name)",
			"create index idx_qrtz_ft_j_g on qrtz_fired_triggers(sched_name, job_name, job_group)",
			"create index idx_qrtz_ft_t_g on qrtz_fired_triggers(sched_name, trigger_name, trigger_group)");

	static Outcome quartzJdbc(KafkaRig kafka, int reminders, Duration limit) throws Exception {
		JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:quartz-bench;DB_CLOSE_DELAY=-1", "sa", "");
		pool.setMaxConnections(20);
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("RUNSCRIPT FROM 'classpath:/org/quartz/impl/jdbcjobstore/tables_h2.sql'");
			// tables_h2.sql declares no indexes; these are the ones Quartz's other
			// scripts
			// (e.g. tables_postgres.sql) declare for trigger acquisition. Without them
			// every
			// acquisition scans and sorts all triggers.
			for (String index : QUARTZ_INDEXES) {
				statement.execute(index);
			}
		}
		H2Connections.pool = pool;
		Properties properties = new Properties();
		properties.setProperty("org.quartz.scheduler.instanceName", "bench-quartz-jdbc");
		properties.setProperty("org.quartz.threadPool.threadCount", "10");
		properties.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "10");
		properties.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
		properties.setProperty("org.quartz.jobStore.driverDelegateClass",
				"org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
		properties.setProperty("org.quartz.jobStore.useProperties", "true");
		properties.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(Duration.ofHours(2).toMillis()));
		properties.setProperty("org.quartz.jobStore.dataSource", "bench");
		properties.setProperty("org.quartz.dataSource.bench.connectionProvider.class", H2Connections.class.getName());
		org.quartz.Scheduler scheduler = new StdSchedulerFactory(properties).getScheduler();
		Publisher publisher = new Publisher(kafka, "bench.baseline-quartz-jdbc");
		quartzPublisher = publisher;
		try {
			JobDetail job = JobBuilder.newJob(PublishReminderJob.class)
				.withIdentity("publish-reminder")
				.storeDurably()
				.build();
			scheduler.addJob(job, false);
			Date due = new Date();
			long start = System.nanoTime();
			for (int i = 0; i < reminders; i++) {
				Trigger trigger = TriggerBuilder.newTrigger()
					.withIdentity("reminder-" + i, "reminders")
					.forJob(job)
					.usingJobData("reminderId", "quartz-" + i)
					.startAt(due)
					.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
					.build();
				scheduler.scheduleJob(trigger);
			}
			double scheduleSeconds = (System.nanoTime() - start) / 1e9;
			// Every trigger is now due: measure from the moment the scheduler starts.
			publisher.dueNanos = System.nanoTime();
			scheduler.start();
			boolean complete = await(publisher, reminders, limit);
			return new Outcome(reminders, publisher.acked.get(), scheduleSeconds,
					(publisher.lastAckNanos.get() - publisher.dueNanos) / 1e9, complete,
					Stats.of(publisher.latenessMs));
		}
		finally {
			scheduler.shutdown(false);
			publisher.close();
			pool.dispose();
		}
	}

	// ---- db-scheduler -----------------------------------------------------------------

	static Outcome dbScheduler(KafkaRig kafka, int reminders, Duration limit) throws Exception {
		JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:mem:db-scheduler-bench;DB_CLOSE_DELAY=-1", "sa",
				"");
		pool.setMaxConnections(20);
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create table scheduled_tasks (task_name varchar(100), task_instance varchar(100), "
					+ "task_data blob, execution_time timestamp with time zone, picked boolean, picked_by varchar(50), "
					+ "last_success timestamp with time zone, last_failure timestamp with time zone, "
					+ "consecutive_failures int, last_heartbeat timestamp with time zone, version bigint, "
					+ "priority smallint, primary key (task_name, task_instance))");
			statement.execute("create index execution_time_idx on scheduled_tasks (execution_time)");
		}
		Publisher publisher = new Publisher(kafka, "bench.baseline-db-scheduler");
		OneTimeTask<String> task = Tasks.oneTime("publish-reminder", String.class)
			.execute((instance, context) -> publisher.publish(instance.getData()));
		Scheduler scheduler = null;
		try {
			SchedulerClient client = SchedulerClient.Builder.create(pool, task).build();
			Instant due = Instant.now();
			long start = System.nanoTime();
			List<TaskInstance<?>> batch = new ArrayList<>(1000);
			for (int i = 0; i < reminders; i++) {
				batch.add(task.instance("reminder-" + i, "dbs-" + i));
				if (batch.size() == 1000) {
					client.scheduleBatch(batch, due);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				client.scheduleBatch(batch, due);
			}
			double scheduleSeconds = (System.nanoTime() - start) / 1e9;
			scheduler = Scheduler.create(pool, task).threads(10).pollingInterval(Duration.ofSeconds(1)).build();
			publisher.dueNanos = System.nanoTime();
			scheduler.start();
			boolean complete = await(publisher, reminders, limit);
			return new Outcome(reminders, publisher.acked.get(), scheduleSeconds,
					(publisher.lastAckNanos.get() - publisher.dueNanos) / 1e9, complete,
					Stats.of(publisher.latenessMs));
		}
		finally {
			if (scheduler != null) {
				scheduler.stop();
			}
			publisher.close();
			pool.dispose();
		}
	}

	private static boolean await(Publisher publisher, int expected, Duration limit) throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (publisher.acked.get() < expected && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		return publisher.acked.get() >= expected;
	}

}
