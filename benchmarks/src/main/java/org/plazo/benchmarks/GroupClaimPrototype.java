package org.plazo.benchmarks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.Topics;
import org.plazo.events.deadlines.ReminderDue;

/**
 * A prototype of the claim path proposed for deadline-service's dispatcher, measured on
 * the same data, stand-in and broker as the shipped one: per due instant, ONE conditional
 * {@code updateMany({status: PENDING, fireAt: T})} claims the whole group with a token
 * (one scan on the stand-in, the {status, fireAt} index on MongoDB); then, 500 at a time,
 * the claimed documents are read by {@code _id $in} (index), published with one wait for
 * the acknowledgements, and marked fired with one {@code updateMany} by {@code _id $in}
 * (index). Nothing per reminder touches the database alone.
 */
final class GroupClaimPrototype {

	private static final URI SOURCE = URI.create("urn:plazo:deadline-service");

	private final KafkaRig kafka;

	private final MongoStandIn mongo;

	private final EventCodec codec = new EventCodec();

	GroupClaimPrototype(KafkaRig kafka, MongoStandIn mongo) {
		this.kafka = kafka;
		this.mongo = mongo;
	}

	DispatchBench.Outcome burst(int pending, int burst, Duration limit) throws Exception {
		String database = "plazo-deadlines-prototype-" + pending;
		String uri = this.mongo.uri(database);
		double load = Reminders.load(uri, database, List.of(DispatchBench.background(pending),
				new Reminders.Group("proto" + pending, burst, (i) -> DispatchBench.T0)), pending + 1);
		Instant t0 = DispatchBench.T0;
		BenchClock clock = new BenchClock(t0.minusSeconds(3));
		ReminderWatch watch = new ReminderWatch("proto" + pending, EventCatalog.REMINDER_DUE.name());
		try (MongoClient client = MongoClients.create(uri);
				TopicWatcher watcher = new TopicWatcher(this.kafka, Topics.DEADLINE_EVENTS, clock, watch);
				KafkaProducer<String, CloudEvent> producer = this.kafka.cloudEventProducer()) {
			MongoCollection<Document> reminders = client.getDatabase(database).getCollection("reminders");
			// The window, as the shipped loader reads it: one query.
			Instant now = clock.instant();
			Map<Instant, List<String>> groups = new LinkedHashMap<>();
			reminders
				.find(Filters.and(Filters.eq("status", "PENDING"),
						Filters.lt("fireAt", Date.from(now.plusSeconds(60)))))
				.sort(Sorts.ascending("fireAt"))
				.projection(new Document("_id", 1).append("fireAt", 1))
				.forEach((doc) -> groups.computeIfAbsent(doc.getDate("fireAt").toInstant(), (k) -> new ArrayList<>())
					.add(doc.getString("_id")));
			for (Map.Entry<Instant, List<String>> group : groups.entrySet()) {
				long wait = Duration.between(clock.instant(), group.getKey()).toMillis();
				if (wait > 0) {
					Thread.sleep(wait);
				}
				fireGroup(reminders, producer, group.getKey(), group.getValue(), clock);
			}
			Instant until = t0.plus(limit);
			while (watch.distinct() < burst && clock.instant().isBefore(until)) {
				Thread.sleep(20);
			}
			Instant last = (watch.lastArrival.get() != null) ? watch.lastArrival.get() : t0;
			return new DispatchBench.Outcome(burst, watch.distinct(), watch.duplicates(),
					Duration.between(t0, last).toNanos() / 1e9, watch.distinct() >= burst,
					Stats.of(new ArrayList<>(watch.latenessMs)), load, watch.distinct(),
					Duration.between(t0, clock.instant()).toNanos() / 1e9);
		}
		finally {
			Reminders.drop(uri, database);
		}
	}

	private void fireGroup(MongoCollection<Document> reminders, KafkaProducer<String, CloudEvent> producer,
			Instant fireAt, List<String> ids, BenchClock clock) throws Exception {
		String token = UUID.randomUUID().toString();
		Instant now = clock.instant();
		reminders.updateMany(Filters.and(Filters.eq("status", "PENDING"), Filters.eq("fireAt", Date.from(fireAt))),
				Updates.combine(Updates.set("status", "CLAIMED"),
						Updates.set("leaseUntil", Date.from(now.plusSeconds(60))), Updates.set("claimToken", token)));
		for (int from = 0; from < ids.size(); from += 500) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
			List<CompletableFuture<?>> acks = new ArrayList<>();
			List<String> fired = new ArrayList<>();
			for (Document doc : reminders.find(Filters.in("_id", chunk))) {
				if (!token.equals(doc.getString("claimToken"))) {
					continue;
				}
				ReminderDue due = new ReminderDue(doc.getString("caseId"), doc.getString("_id"),
						doc.getString("deadlineId"), doc.getString("kind"),
						doc.getDate("lastDay").toInstant().atZone(ZoneOffset.UTC).toLocalDate(),
						doc.getDate("dueAt").toInstant(), doc.getString("legalBasis"),
						doc.getDate("fireAt").toInstant());
				CloudEvent event = this.codec.toCloudEvent(due, SOURCE, due.reminderId(),
						OffsetDateTime.ofInstant(due.scheduledFor(), ZoneOffset.UTC));
				CompletableFuture<Object> ack = new CompletableFuture<>();
				producer.send(new ProducerRecord<>(Topics.DEADLINE_EVENTS, due.caseId(), event), (metadata, ex) -> {
					if (ex != null) {
						ack.completeExceptionally(ex);
					}
					else {
						ack.complete(metadata);
					}
				});
				acks.add(ack);
				fired.add(due.reminderId());
			}
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
			reminders.updateMany(Filters.in("_id", fired), Updates.combine(Updates.set("status", "FIRED"),
					Updates.set("firedAt", Date.from(clock.instant())), Updates.unset("leaseUntil")));
		}
	}

}
