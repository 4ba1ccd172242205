package org.plazo.notify.partners.webhooks;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.plazo.events.Envelope;
import org.plazo.events.EventCatalog;
import org.plazo.events.EventCodec;
import org.plazo.events.PlazoEvent;
import org.plazo.events.cases.AssignmentRevoked;
import org.plazo.events.cases.CaseAssigned;
import org.plazo.events.cases.ContactChannel;
import org.plazo.events.cases.SharedData;
import org.plazo.notify.observability.NotifyMetrics;
import org.plazo.notify.partners.events.ContactDetails;
import org.plazo.notify.partners.events.Disclosure;
import org.plazo.notify.partners.events.PartnerEventStore;
import org.plazo.notify.partners.events.PartnerEvents;
import org.plazo.notify.partners.events.StoredEvent;
import org.plazo.notify.partners.net.AddressPolicy;
import org.plazo.notify.partners.net.EndpointUrls;
import org.plazo.notify.partners.net.GuardedDnsResolver;
import org.plazo.notify.partners.net.TableResolver;
import org.plazo.notify.partners.ngos.CaseLinks;
import org.plazo.notify.partners.ngos.Ngo;
import org.plazo.notify.partners.ngos.NgoRegistry;
import org.plazo.notify.partners.support.MovableClock;
import org.plazo.notify.partners.support.PartnerProperties;
import org.plazo.notify.partners.support.TestProperties;
import org.plazo.notify.recipients.Recipient;
import org.plazo.notify.recipients.RecipientDirectory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The webhook machinery wired by hand on the MongoDB stand-in, with a movable clock, a
 * DNS table and senders that run on the polling thread, so a test drives every attempt.
 */
final class WebhookFixture implements AutoCloseable {

	static final Instant T0 = Instant.parse("2026-03-10T15:00:00Z");

	static final String PHONE = "+50760001234";

	static final String EMAIL = "ana.prueba@example.org";

	final MovableClock clock = new MovableClock(T0);

	final TableResolver dns = new TableResolver().answer("hooks.ong.test", "127.0.0.1")
		.answer("internal.ong.test", "10.0.0.5");

	final MongoServer server = new MongoServer(new MemoryBackend());

	final MongoClient client = MongoClients.create(this.server.bindAndGetConnectionString());

	final MongoTemplate mongo = new MongoTemplate(this.client, "partner-tests");

	final PartnerProperties properties = TestProperties.partners(true);

	final NgoRegistry registry = new NgoRegistry(this.mongo, this.clock);

	final CaseLinks links = new CaseLinks(this.mongo, this.registry);

	final PartnerEventStore events = new PartnerEventStore(this.mongo, new EventCodec(), this.clock, this.properties);

	final RecipientDirectory recipients = mock(RecipientDirectory.class);

	final PartnerEvents render = new PartnerEvents(new ContactDetails(this.recipients));

	final JavaMailSender mail = mock(JavaMailSender.class);

	final WebhookEndpoints endpoints;

	final DeliveryQueue queue = new DeliveryQueue(this.mongo, this.clock);

	final WebhookFanout fanout;

	final Replays replays;

	private final EventCodec codec = new EventCodec();

	private final java.util.List<AutoCloseable> closeables = new java.util.ArrayList<>();

	WebhookFixture() {
		this.endpoints = new WebhookEndpoints(this.mongo, this.registry, urls(true), this.clock, this.properties);
		this.fanout = new WebhookFanout(this.endpoints, this.queue);
		this.replays = new Replays(this.events, this.links, this.queue);
		given(this.recipients.find(anyString())).willAnswer((invocation) -> Optional
			.of(new Recipient(invocation.getArgument(0), "es", ContactChannel.SMS, PHONE, EMAIL, true, T0)));
	}

	EndpointUrls urls(boolean allowLoopback) {
		return new EndpointUrls(new GuardedDnsResolver(this.dns, new AddressPolicy(allowLoopback)), true);
	}

	/**
	 * A dispatcher whose SSRF guard allows loopback or not, with attempts of a timeout.
	 */
	@SuppressWarnings("unchecked")
	DeliveryDispatcher dispatcher(boolean allowLoopback, Duration timeout) {
		GuardedDnsResolver guard = new GuardedDnsResolver(this.dns, new AddressPolicy(allowLoopback));
		WebhookSender sender = new WebhookSender(guard, timeout, 4, this.clock);
		this.closeables.add(sender::destroy);
		ObjectProvider<JavaMailSender> mailProvider = mock(ObjectProvider.class);
		given(mailProvider.getIfAvailable()).willReturn(this.mail);
		OperatorAlerts alerts = new OperatorAlerts(mailProvider, this.properties, "Plazo <avisos@plazo.example.org>");
		RetrySchedule schedule = new RetrySchedule(TestProperties.SCHEDULE, 0.2, () -> 0.0);
		return new DeliveryDispatcher(this.queue, this.endpoints, this.registry, this.links, this.events, this.render,
				new EndpointUrls(guard, true), sender, alerts, schedule, this.clock, Runnable::run, 100,
				Duration.ofMinutes(1), Duration.ofDays(5), new NotifyMetrics(new SimpleMeterRegistry()));
	}

	Ngo ngo(String name) {
		return this.registry.register(name, "avisos@ong.example.org", false).ngo();
	}

	WebhookEndpoint endpoint(Ngo ngo, String url, String... eventTypes) {
		return this.endpoints.create(ngo, new WebhookEndpoints.EndpointRequest(url, List.of(eventTypes), null, null));
	}

	/** Links a case to an organisation, as a CaseAssigned on the case stream would. */
	void assign(String caseId, Ngo ngo, SharedData... shared) {
		publish(new CaseAssigned(caseId, "assignment-" + ngo.id(), ngo.id(), List.of(shared), T0, "caseworker-17",
				"2026-03", this.clock.instant()));
	}

	void revoke(String caseId, Ngo ngo) {
		publish(new AssignmentRevoked(caseId, "assignment-" + ngo.id(), ngo.id(), this.clock.instant()));
	}

	/** What the partners' listener does with an event, as far as webhooks go. */
	String publish(PlazoEvent event) {
		String id = UUID.randomUUID().toString();
		if (event instanceof CaseAssigned assigned) {
			this.links.apply(assigned);
		}
		if (event instanceof AssignmentRevoked revoked) {
			this.links.apply(revoked);
		}
		Envelope<PlazoEvent> envelope = new Envelope<>(id, EventCatalog.of(event).name(), URI.create("urn:plazo:test"),
				OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC), event);
		StoredEvent stored = this.events.keep(envelope).orElseThrow();
		java.util.Set<String> audience = new java.util.LinkedHashSet<>();
		if (stored.noticeFor() != null) {
			audience.add(stored.noticeFor());
		}
		else {
			this.links.active(event.caseId()).forEach((link) -> audience.add(link.ngoId()));
		}
		for (String ngoId : audience) {
			Ngo ngo = this.registry.find(ngoId).orElseThrow();
			if (Disclosure.of(stored, ngo, this.links.active(event.caseId(), ngoId)).allowed()) {
				this.fanout.fanOut(stored, ngo);
			}
		}
		return id;
	}

	Delivery delivery(String eventId, WebhookEndpoint endpoint) {
		return this.mongo.findAll(Delivery.class)
			.stream()
			.filter((d) -> d.eventId().equals(eventId) && d.endpointId().equals(endpoint.id()) && !d.replay())
			.findFirst()
			.orElseThrow();
	}

	WebhookEndpoint reload(WebhookEndpoint endpoint) {
		return this.endpoints.find(endpoint.id()).orElseThrow();
	}

	String codecJson(PlazoEvent event) {
		return new String(this.codec.toJson(event), java.nio.charset.StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.client.close();
		this.server.shutdownNow();
	}

}
