package org.plazo.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.plazo.deadlines.reminders.ReminderBucket;

/**
 * Writes reminder documents straight into deadline-service's {@code reminders}
 * collection, and their entries in {@code reminder_buckets}, shaped as its
 * {@code ReminderStore} writes them (Spring Data mapping, native java.time codecs), with
 * insertMany: the API would take hours to make a million.
 */
final class Reminders {

	static final String BUCKETS = "reminder_buckets";

	static final String LEGAL_BASIS = "Decreto Ejecutivo 5 de 2018, art. 30";

	private Reminders() {
	}

	/** A group of reminders to load: how many, their id prefix and their fire times. */
	record Group(String prefix, int count, IntFunction<Instant> fireAt) {
	}

	/**
	 * Loads the groups interleaved at random (a reminder's position in the collection
	 * does not follow its fire time), in batches.
	 * @return seconds taken
	 */
	static double load(String uri, String database, List<Group> groups, long seed) {
		long start = System.nanoTime();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> reminders = client.getDatabase(database).getCollection("reminders");
			Random random = new Random(seed);
			int[] left = groups.stream().mapToInt(Group::count).toArray();
			int[] next = new int[left.length];
			long remaining = groups.stream().mapToLong(Group::count).sum();
			Map<String, Document> buckets = new LinkedHashMap<>();
			List<Document> batch = new ArrayList<>(10_000);
			while (remaining > 0) {
				long pick = (long) (random.nextDouble() * remaining);
				int g = 0;
				while (pick >= left[g]) {
					pick -= left[g];
					g++;
				}
				Group group = groups.get(g);
				int i = next[g]++;
				left[g]--;
				remaining--;
				Document reminder = document(group.prefix() + "-" + i, group.fireAt().apply(i));
				batch.add(reminder);
				list(buckets, reminder);
				if (batch.size() == 10_000) {
					reminders.insertMany(batch);
					batch.clear();
				}
			}
			if (!batch.isEmpty()) {
				reminders.insertMany(batch);
			}
			// Upserts, as the store writes them: the service may have listed reminders in
			// the same buckets already.
			List<UpdateOneModel<Document>> all = buckets.values()
				.stream()
				.map((bucket) -> new UpdateOneModel<Document>(Filters.eq("_id", bucket.get("_id")),
						Updates.combine(Updates.pushEach("ids", bucket.getList("ids", String.class)),
								Updates.inc("n", bucket.getInteger("n")), Updates.setOnInsert("at", bucket.get("at")),
								Updates.setOnInsert("slot", bucket.get("slot"))),
						new UpdateOptions().upsert(true)))
				.toList();
			MongoCollection<Document> bucketCollection = client.getDatabase(database).getCollection(BUCKETS);
			for (int from = 0; from < all.size(); from += 1_000) {
				bucketCollection.bulkWrite(all.subList(from, Math.min(all.size(), from + 1_000)),
						new BulkWriteOptions().ordered(false));
			}
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * Lists a reminder in the bucket of its minute and slot, as {@code ReminderStore}
	 * does: {@code {_id: "<minute>/<slot>", at, slot, n, ids}}.
	 */
	@SuppressWarnings("unchecked")
	static void list(Map<String, Document> buckets, Document reminder) {
		Instant fireAt = reminder.getDate("fireAt").toInstant();
		ReminderBucket listed = ReminderBucket.of(reminder.getString("caseId"), fireAt, fireAt);
		Document bucket = buckets.computeIfAbsent(listed.id(),
				(id) -> new Document("_id", id).append("ids", new ArrayList<String>())
					.append("n", 0)
					.append("at", Date.from(listed.minute()))
					.append("slot", listed.slot()));
		((List<String>) bucket.get("ids")).add(reminder.getString("_id"));
		bucket.put("n", bucket.getInteger("n") + 1);
	}

	static Document document(String key, Instant fireAt) {
		String caseId = "case-" + key;
		String deadlineId = caseId + ":FILING_WINDOW";
		LocalDate lastDay = fireAt.atZone(ZoneOffset.UTC).toLocalDate().plusDays(30);
		Instant dueAt = lastDay.atTime(21, 0).toInstant(ZoneOffset.UTC);
		String id = deadlineId + ":remind:" + fireAt;
		return new Document("_id", id).append("caseId", caseId)
			.append("deadlineId", deadlineId)
			.append("kind", "FILING_WINDOW")
			.append("purpose", "REMIND")
			.append("lastDay", Date.from(lastDay.atStartOfDay(ZoneOffset.UTC).toInstant()))
			.append("dueAt", Date.from(dueAt))
			.append("legalBasis", LEGAL_BASIS)
			.append("fireAt", Date.from(fireAt))
			.append("status", "PENDING")
			.append("_class", "org.plazo.deadlines.reminders.Reminder");
	}

	/**
	 * The group a reminder id belongs to: ids are
	 * {@code case-<prefix>-<n>:FILING_WINDOW:remind:<instant>}.
	 */
	static String prefixOf(String reminderId) {
		if (reminderId == null || !reminderId.startsWith("case-")) {
			return "";
		}
		int dash = reminderId.indexOf('-', 5);
		return (dash > 0) ? reminderId.substring(5, dash) : "";
	}

	static void drop(String uri, String database) {
		try (MongoClient client = MongoClients.create(uri)) {
			client.getDatabase(database).drop();
		}
	}

}
