package org.plazo.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The dispatcher's and the ingest path's query shapes, timed on the stand-in over N
 * reminder documents, to tell which of them grow with N. mongo-java-server serves a
 * filter from the {@code _id} index only when the filter has exactly the index's keys; a
 * {@code findAndModify} on {@code {_id, status}} scans in insertion order and stops at
 * the first match, so its cost depends on where the document sits.
 */
final class QueryShapes {

	private QueryShapes() {
	}

	static Map<String, Object> measure(String uri, int documents) {
		String database = "plazo-deadlines-shapes";
		Instant later = DispatchBench.T0.plusSeconds(86_400L * 30);
		// Documents in a known order: bg-0 first, bg-(n-1) last but 1,000 due at T0 after
		// them.
		Reminders.load(uri, database, List.of(new Reminders.Group("bg", documents, (i) -> later.plusSeconds(i))), 5);
		Reminders.load(uri, database, List.of(new Reminders.Group("due", 1000, (i) -> DispatchBench.T0)), 6);
		Map<String, Object> ms = new LinkedHashMap<>();
		try (MongoClient client = MongoClients.create(uri)) {
			MongoCollection<Document> reminders = client.getDatabase(database).getCollection("reminders");
			String first = id("bg-0", later);
			String middle = id("bg-" + (documents / 2), later.plusSeconds(documents / 2));
			String last = id("bg-" + (documents - 1), later.plusSeconds(documents - 1));
			List<String> dueIds = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				dueIds.add(id("due-" + i, DispatchBench.T0));
			}
			Bson claim = Updates.combine(Updates.set("status", "CLAIMED"), Updates.set("leaseUntil", new Date()));
			Bson unclaim = Updates.combine(Updates.set("status", "PENDING"), Updates.unset("leaseUntil"));
			ms.put("findAndModify_id_status_first_doc", time(5, () -> {
				reminders.findOneAndUpdate(Filters.and(Filters.eq("_id", first), Filters.eq("status", "PENDING")),
						claim);
				reminders.updateOne(Filters.eq("_id", first), unclaim);
			}));
			ms.put("findAndModify_id_status_middle_doc", time(5, () -> {
				reminders.findOneAndUpdate(Filters.and(Filters.eq("_id", middle), Filters.eq("status", "PENDING")),
						claim);
				reminders.updateOne(Filters.eq("_id", middle), unclaim);
			}));
			ms.put("findAndModify_id_status_last_doc", time(5, () -> {
				reminders.findOneAndUpdate(Filters.and(Filters.eq("_id", last), Filters.eq("status", "PENDING")),
						claim);
				reminders.updateOne(Filters.eq("_id", last), unclaim);
			}));
			ms.put("findAndModify_id_status_no_match (upsertAll revive loop)",
					time(5, () -> reminders.findOneAndUpdate(
							Filters.and(Filters.eq("_id", middle), Filters.eq("status", "CANCELLED")),
							Updates.set("status", "PENDING"))));
			ms.put("findAndModify_id_only", time(20, () -> reminders.findOneAndUpdate(Filters.eq("_id", last), claim)));
			ms.put("updateOne_id_only (markFired)",
					time(20, () -> reminders.updateOne(Filters.eq("_id", last), unclaim)));
			ms.put("find_id_in_1000 (per call)",
					time(5, () -> reminders.find(Filters.in("_id", dueIds)).into(new ArrayList<>())));
			ms.put("updateMany_id_in_1000 (per call)",
					time(5, () -> reminders.updateMany(Filters.in("_id", dueIds), unclaim)));
			ms.put("window query dueBefore (per call)",
					time(3, () -> reminders
						.find(Filters.or(
								Filters.and(Filters.eq("status", "PENDING"),
										Filters.lt("fireAt", Date.from(DispatchBench.T0.plusSeconds(60)))),
								Filters.and(Filters.eq("status", "CLAIMED"), Filters.lt("leaseUntil", new Date(0)))))
						.sort(Sorts.ascending("fireAt"))
						.projection(new Document("_id", 1).append("fireAt", 1))
						.into(new ArrayList<>())));
			ms.put("group claim updateMany_status_fireAt_1000 (per call)", time(3, () -> {
				reminders.updateMany(
						Filters.and(Filters.eq("status", "PENDING"), Filters.eq("fireAt", Date.from(DispatchBench.T0))),
						Updates.combine(Updates.set("status", "CLAIMED"), Updates.set("claimToken", "t")));
				reminders.updateMany(Filters.in("_id", dueIds), unclaim);
			}));
		}
		finally {
			Reminders.drop(uri, database);
		}
		return ms;
	}

	private static String id(String key, Instant fireAt) {
		return Reminders.document(key, fireAt).getString("_id");
	}

	private static double time(int repeats, Runnable action) {
		action.run();
		long start = System.nanoTime();
		for (int i = 0; i < repeats; i++) {
			action.run();
		}
		return Results.round((System.nanoTime() - start) / 1e6 / repeats);
	}

}
