package org.plazo.deadlines.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.plazo.deadlines.support.EmbeddedMongo;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.repository.support.MongoRepositoryFactory;

/**
 * Bulk extensions stored in {@code bulk-extensions} (on the MongoDB stand-in), cached for
 * the engine, and announced as {@link BulkExtensionChanged}.
 */
class BulkExtensionManagementTests {

	private MongoClient client;

	private MongoTemplate mongo;

	private final List<Object> published = new ArrayList<>();

	private BulkExtensionManagement extensions;

	@BeforeEach
	void storage() {
		this.client = MongoClients.create(EmbeddedMongo.uri("bulk-extension-tests"));
		this.mongo = new MongoTemplate(this.client, "bulk-extension-tests");
		this.mongo.dropCollection("bulk-extensions");
		this.extensions = newManagement();
	}

	@AfterEach
	void close() {
		this.client.close();
	}

	@Test
	void addedExtensionIsStoredReloadedAndAnnouncedWithTheRangeToRecompute() {
		BulkExtension added = this.extensions.add("P-095-20", Set.of(DeadlineKind.PROVISIONAL_CARD),
				LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));

		assertThat(newManagement().current()).containsExactly(added);
		assertThat(this.published).containsExactly(
				new BulkExtensionChanged("P-095-20", LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 15)));
	}

	@Test
	void removedExtensionIsAnnouncedSoThatItsDocumentsAreRecomputed() {
		BulkExtension added = this.extensions.add("P-095-20", Set.of(DeadlineKind.ASYLUM_CERTIFICATE),
				LocalDate.of(2020, 3, 15), LocalDate.of(2020, 5, 14), LocalDate.of(2020, 5, 15));
		this.published.clear();

		assertThat(this.extensions.remove(added.id())).isTrue();

		assertThat(this.extensions.current()).isEmpty();
		assertThat(this.published).hasSize(1);
		assertThat(this.extensions.remove(added.id())).isFalse();
	}

	private BulkExtensionManagement newManagement() {
		BulkExtensions repository = new MongoRepositoryFactory(this.mongo).getRepository(BulkExtensions.class);
		return new BulkExtensionManagement(repository, this.published::add);
	}

}
