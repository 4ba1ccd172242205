package org.plazo.notify.sms.smpp;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.EnquireLink;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.plazo.notify.sms.Gsm7;

/**
 * A small SMSC on jSMPP's server session, in the test's JVM on a loopback port: accepts
 * binds, records each {@code submit_sm} and answers it with a message id, counts
 * {@code enquire_link}s, and sends {@code deliver_sm}s (receipts and people's messages)
 * when the test says so.
 */
final class InProcessSmsc implements ServerMessageReceiverListener, AutoCloseable {

	final List<SubmitSm> submitted = new CopyOnWriteArrayList<>();

	final AtomicInteger binds = new AtomicInteger();

	final AtomicInteger enquireLinks = new AtomicInteger();

	private final AtomicInteger ids = new AtomicInteger(0x1000);

	private final SMPPServerSessionListener listener;

	private final Thread acceptor;

	private final int port;

	private volatile SMPPServerSession session;

	private volatile boolean closed;

	InProcessSmsc() throws IOException {
		try (ServerSocket free = new ServerSocket(0)) {
			this.port = free.getLocalPort();
		}
		this.listener = new SMPPServerSessionListener(this.port);
		this.listener.setMessageReceiverListener(this);
		this.acceptor = new Thread(this::accept, "in-process-smsc");
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.port;
	}

	private void accept() {
		while (!this.closed) {
			try {
				SMPPServerSession accepted = this.listener.accept();
				BindRequest bind = accepted.waitForBind(5_000);
				bind.accept("smsc");
				this.session = accepted;
				this.binds.incrementAndGet();
			}
			catch (Exception ex) {
				// Closed, or a bind that did not come: keep listening until closed.
			}
		}
	}

	/** Sends a delivery receipt for a message it accepted. */
	void receipt(String messageId, DeliveryReceiptState state) throws Exception {
		DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, (state == DeliveryReceiptState.DELIVRD) ? 1 : 0,
				new Date(), new Date(), state, (state == DeliveryReceiptState.DELIVRD) ? "000" : "001", "");
		this.session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "50760001234",
				TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Plazo",
				new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
				(byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, receipt.toString().getBytes());
	}

	/** Sends a message a person wrote, in GSM-7. */
	void personWrites(String from, String text) throws Exception {
		this.session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, from,
				TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "50760009999", new ESMClass(), (byte) 0,
				(byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, Gsm7.encode(text));
	}

	/** Drops the connection, as a network failure would. */
	void dropSession() {
		this.session.close();
	}

	@Override
	public SubmitSmResult onAcceptSubmitSm(SubmitSm submitSm, SMPPServerSession source) throws ProcessRequestException {
		this.submitted.add(submitSm);
		try {
			return new SubmitSmResult(new MessageId(Integer.toHexString(this.ids.incrementAndGet())),
					new OptionalParameter[0]);
		}
		catch (Exception ex) {
			throw new ProcessRequestException("no id", SMPPConstant.STAT_ESME_RSYSERR);
		}
	}

	@Override
	public void onAcceptEnquireLink(EnquireLink enquireLink, Session source) {
		this.enquireLinks.incrementAndGet();
	}

	@Override
	public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
			throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

	@Override
	public void close() throws IOException {
		this.closed = true;
		SMPPServerSession current = this.session;
		if (current != null) {
			current.close();
		}
		this.listener.close();
	}

}
