package org.plazo.notify.sms.smpp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.SubmitSmResult;
import org.plazo.notify.sms.ConditionalOnSmsProvider;
import org.plazo.notify.sms.DeliveryReportHandler;
import org.plazo.notify.sms.Gsm7;
import org.plazo.notify.sms.InboundSmsHandler;
import org.plazo.notify.sms.SmsMessage;
import org.plazo.notify.sms.SmsNotSent;
import org.plazo.notify.sms.SmsProvider;
import org.plazo.notify.sms.SmsReceipt;
import org.plazo.notify.sms.SmsSegments;
import org.plazo.notify.sms.TokenBucket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends SMS to an SMSC over SMPP 3.4: binds as a transceiver, submits each message with
 * {@code submit_sm} (GSM-7 as {@code data_coding} 0, anything else as UCS-2,
 * {@code data_coding} 8; long messages as concatenated parts with a user data header),
 * and asks for delivery receipts. Receipts and the messages people send arrive as
 * {@code deliver_sm} on the same session. {@code enquire_link} keeps the session alive;
 * when it is lost, it is bound again with growing pauses.
 */
@Component
@ConditionalOnSmsProvider("smpp")
class SmppSms implements SmsProvider, SmartLifecycle {

	static final String PROVIDER = "smpp";

	private static final Logger log = LoggerFactory.getLogger(SmppSms.class);

	/** Refusals worth trying again; any other negative answer is final. */
	private static final Set<Integer> TRANSIENT = Set.of(0x08, 0x45, 0x64);

	private static final Set<Integer> THROTTLED = Set.of(0x14, 0x58);

	private final Settings settings;

	private final SmppReceiver receiver;

	private final TokenBucket bucket;

	private final AtomicInteger references = new AtomicInteger();

	private ScheduledExecutorService reconnects;

	private volatile SMPPSession session;

	private volatile boolean running;

	private Duration nextPause;

	@Autowired
	SmppSms(@Value("${plazo.sms.smpp.host}") String host, @Value("${plazo.sms.smpp.port}") int port,
			@Value("${plazo.sms.smpp.system-id}") String systemId, @Value("${plazo.sms.smpp.password}") String password,
			@Value("${plazo.sms.smpp.system-type}") String systemType,
			@Value("${plazo.sms.smpp.source-address}") String sourceAddress,
			@Value("${plazo.sms.smpp.enquire-link-interval}") Duration enquireLink,
			@Value("${plazo.sms.smpp.response-timeout}") Duration responseTimeout,
			@Value("${plazo.sms.smpp.reconnect.initial}") Duration reconnectInitial,
			@Value("${plazo.sms.smpp.reconnect.max}") Duration reconnectMax,
			@Value("${plazo.sms.smpp.segments-per-second}") double segmentsPerSecond,
			@Value("${plazo.sms.smpp.burst}") double burst, ObjectProvider<DeliveryReportHandler> reports,
			ObjectProvider<InboundSmsHandler> inbound, Clock clock) {
		this(new Settings(host, port, systemId, password, systemType, sourceAddress, enquireLink, responseTimeout,
				reconnectInitial, reconnectMax), new SmppReceiver(reports::getObject, inbound::getObject, clock),
				new TokenBucket(segmentsPerSecond, burst, clock));
	}

	SmppSms(Settings settings, SmppReceiver receiver, TokenBucket bucket) {
		this.settings = settings;
		this.receiver = receiver;
		this.bucket = bucket;
		this.nextPause = settings.reconnectInitial();
	}

	@Override
	public String name() {
		return PROVIDER;
	}

	@Override
	public synchronized void start() {
		this.running = true;
		this.reconnects = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "smpp-connect");
			thread.setDaemon(true);
			return thread;
		});
		// Bind in the background: the service starts even when the SMSC is down.
		this.reconnects.execute(this::connect);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.reconnects != null) {
			this.reconnects.shutdownNow();
		}
		SMPPSession current = this.session;
		if (current != null) {
			current.unbindAndClose();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Whether a session is bound and can send.
	 * @return {@code true} when bound
	 */
	boolean isBound() {
		SMPPSession current = this.session;
		return current != null && current.getSessionState().isBound();
	}

	private void connect() {
		if (!this.running) {
			return;
		}
		SMPPSession attempt = new SMPPSession();
		attempt.setEnquireLinkTimer((int) this.settings.enquireLink().toMillis());
		attempt.setTransactionTimer(this.settings.responseTimeout().toMillis());
		attempt.setMessageReceiverListener(this.receiver);
		attempt.addSessionStateListener((newState, oldState, source) -> {
			if (newState == SessionState.CLOSED && source == this.session && this.running) {
				log.warn("SMPP session to {}:{} lost; binding again", this.settings.host(), this.settings.port());
				scheduleReconnect();
			}
		});
		try {
			attempt.connectAndBind(this.settings.host(), this.settings.port(),
					new BindParameter(BindType.BIND_TRX, this.settings.systemId(), this.settings.password(),
							this.settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
					this.settings.responseTimeout().toMillis());
			synchronized (this) {
				this.session = attempt;
				this.nextPause = this.settings.reconnectInitial();
			}
			log.info("SMPP session bound to {}:{} as a transceiver", this.settings.host(), this.settings.port());
		}
		catch (IOException ex) {
			log.warn("SMPP bind to {}:{} failed ({}); trying again in {}", this.settings.host(), this.settings.port(),
					ex.getClass().getSimpleName(), this.nextPause);
			attempt.close();
			scheduleReconnect();
		}
	}

	private synchronized void scheduleReconnect() {
		if (!this.running || this.reconnects == null || this.reconnects.isShutdown()) {
			return;
		}
		Duration pause = this.nextPause;
		this.nextPause = min(pause.multipliedBy(2), this.settings.reconnectMax());
		this.reconnects.schedule(this::connect, pause.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public SmsReceipt send(SmsMessage message) {
		SMPPSession current = this.session;
		if (current == null || !current.getSessionState().isBound()) {
			throw new SmsNotSent(SmsNotSent.Kind.TRANSIENT, PROVIDER, "NOT_BOUND");
		}
		List<String> parts = SmsSegments.split(message.text());
		Duration wait = this.bucket.take(parts.size());
		if (!wait.isZero()) {
			throw new SmsNotSent(SmsNotSent.Kind.RATE_LIMITED, PROVIDER, "TOKEN_BUCKET", wait);
		}
		boolean gsm = Gsm7.canEncode(message.text());
		DataCoding coding = gsm ? DataCodings.ZERO : new GeneralDataCoding(Alphabet.ALPHA_UCS2);
		byte reference = (byte) this.references.incrementAndGet();
		List<String> ids = new ArrayList<>(parts.size());
		for (int i = 0; i < parts.size(); i++) {
			byte[] body = gsm ? Gsm7.encode(parts.get(i)) : parts.get(i).getBytes(StandardCharsets.UTF_16BE);
			ESMClass esm = new ESMClass();
			if (parts.size() > 1) {
				esm = new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI);
				body = withConcatenationHeader(reference, parts.size(), i + 1, body);
			}
			ids.add(submit(current, message.to(), esm, coding, body));
		}
		return new SmsReceipt(PROVIDER, parts.size(), ids);
	}

	private String submit(SMPPSession current, String to, ESMClass esm, DataCoding coding, byte[] body) {
		String source = this.settings.sourceAddress();
		boolean numeric = source.matches("\\+?[0-9]+");
		try {
			SubmitSmResult result = current.submitShortMessage("",
					numeric ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC,
					numeric ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN,
					numeric ? source.replace("+", "") : source, TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
					to.replace("+", ""), esm, (byte) 0, (byte) 1, null, null,
					new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0, coding, (byte) 0, body);
			return result.getMessageId();
		}
		catch (NegativeResponseException ex) {
			int status = ex.getCommandStatus();
			SmsNotSent.Kind kind = THROTTLED.contains(status) ? SmsNotSent.Kind.RATE_LIMITED
					: TRANSIENT.contains(status) ? SmsNotSent.Kind.TRANSIENT : SmsNotSent.Kind.PERMANENT;
			throw new SmsNotSent(kind, PROVIDER, String.format("0x%08x", status),
					(kind == SmsNotSent.Kind.RATE_LIMITED) ? Duration.ofSeconds(1) : null);
		}
		catch (ResponseTimeoutException | InvalidResponseException | IOException ex) {
			throw new SmsNotSent(SmsNotSent.Kind.TRANSIENT, PROVIDER, ex.getClass().getSimpleName());
		}
		catch (PDUException ex) {
			throw new SmsNotSent(SmsNotSent.Kind.PERMANENT, PROVIDER, "PDU");
		}
	}

	/**
	 * The 8-bit concatenation user data header (IEI 0x00): length 5, IEI, length 3,
	 * reference, total parts, this part.
	 */
	static byte[] withConcatenationHeader(byte reference, int total, int part, byte[] body) {
		byte[] message = new byte[6 + body.length];
		message[0] = 0x05;
		message[1] = 0x00;
		message[2] = 0x03;
		message[3] = reference;
		message[4] = (byte) total;
		message[5] = (byte) part;
		System.arraycopy(body, 0, message, 6, body.length);
		return message;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * Where and how to bind.
	 */
	record Settings(String host, int port, String systemId, String password, String systemType, String sourceAddress,
			Duration enquireLink, Duration responseTimeout, Duration reconnectInitial, Duration reconnectMax) {

		@Override
		public String toString() {
			return "Settings[host=" + this.host + ", port=" + this.port + ", systemId=" + this.systemId + "]";
		}

	}

}
