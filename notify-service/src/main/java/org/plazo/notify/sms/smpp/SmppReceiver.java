package org.plazo.notify.sms.smpp;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;

import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.plazo.notify.sms.DeliveryReport;
import org.plazo.notify.sms.DeliveryReportHandler;
import org.plazo.notify.sms.Gsm7;
import org.plazo.notify.sms.InboundSms;
import org.plazo.notify.sms.InboundSmsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the SMSC sends on the session: delivery receipts (a {@code deliver_sm} whose
 * esm_class says so) become delivery reports; any other {@code deliver_sm} is a message a
 * person sent. Both are acknowledged whatever the application makes of them.
 */
class SmppReceiver implements MessageReceiverListener {

	private static final Logger log = LoggerFactory.getLogger(SmppReceiver.class);

	private final Supplier<DeliveryReportHandler> reports;

	private final Supplier<InboundSmsHandler> inbound;

	private final Clock clock;

	SmppReceiver(Supplier<DeliveryReportHandler> reports, Supplier<InboundSmsHandler> inbound, Clock clock) {
		this.reports = reports;
		this.inbound = inbound;
		this.clock = clock;
	}

	@Override
	public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
		try {
			if (MessageType.SMSC_DEL_RECEIPT.containedIn(deliverSm.getEsmClass())) {
				receipt(deliverSm);
			}
			else {
				this.inbound.get()
					.onInbound(
							new InboundSms(SmppSms.PROVIDER, sender(deliverSm), text(deliverSm), this.clock.instant()));
			}
		}
		catch (RuntimeException ex) {
			// Acknowledge anyway: the SMSC would only send it again.
			log.error("deliver_sm could not be handled ({})", ex.getClass().getName());
		}
	}

	private void receipt(DeliverSm deliverSm) {
		DeliveryReceipt receipt;
		try {
			receipt = deliverSm.getShortMessageAsDeliveryReceipt();
		}
		catch (InvalidDeliveryReceiptException ex) {
			log.warn("Unreadable SMPP delivery receipt ignored");
			return;
		}
		DeliveryReceiptState state = receipt.getFinalStatus();
		DeliveryReport.Outcome outcome = switch (state) {
			case DELIVRD -> DeliveryReport.Outcome.DELIVERED;
			case UNDELIV, REJECTD, EXPIRED, DELETED -> DeliveryReport.Outcome.UNDELIVERED;
			// ENROUTE, ACCEPTD, UNKNOWN: not final.
			default -> null;
		};
		if (outcome != null) {
			this.reports.get()
				.onReport(new DeliveryReport(SmppSms.PROVIDER, receipt.getId(), outcome,
						(outcome == DeliveryReport.Outcome.DELIVERED) ? null : state.name() + ":" + receipt.getError(),
						this.clock.instant()));
		}
	}

	private static String sender(DeliverSm deliverSm) {
		String address = deliverSm.getSourceAddr();
		boolean international = deliverSm.getSourceAddrTon() == TypeOfNumber.INTERNATIONAL.value();
		return (international && !address.startsWith("+")) ? "+" + address : address;
	}

	static String text(DeliverSm deliverSm) {
		byte[] body = deliverSm.getShortMessage();
		if (body == null || body.length == 0) {
			OptionalParameter payload = deliverSm.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
			body = (payload instanceof OptionalParameter.OctetString octets) ? octets.getValue() : new byte[0];
		}
		if (GSMSpecificFeature.UDHI.containedIn(deliverSm.getEsmClass()) && body.length > 0) {
			int header = (body[0] & 0xFF) + 1;
			body = Arrays.copyOfRange(body, Math.min(header, body.length), body.length);
		}
		return switch (deliverSm.getDataCoding() & 0x0F) {
			case 0x08 -> new String(body, StandardCharsets.UTF_16BE);
			case 0x01 -> new String(body, StandardCharsets.US_ASCII);
			case 0x03 -> new String(body, StandardCharsets.ISO_8859_1);
			default -> Gsm7.decode(body);
		};
	}

	@Override
	public void onAcceptAlertNotification(AlertNotification alertNotification) {
		// Not used.
	}

	@Override
	public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
		throw new ProcessRequestException("data_sm is not supported", SMPPConstant.STAT_ESME_RINVCMDID);
	}

}
