package org.plazo.notify.sms;

/**
 * What the application does with a provider's delivery report.
 */
public interface DeliveryReportHandler {

	void onReport(DeliveryReport report);

}
