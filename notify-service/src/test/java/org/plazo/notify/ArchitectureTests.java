package org.plazo.notify;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

// Our classes only: scanning every jar on the test classpath (WireMock's is large) is slow.
@AnalyzeClasses(packages = "org.plazo.notify",
		importOptions = { ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class })
class ArchitectureTests {

	@ArchTest
	static final ArchRule noCyclesBetweenFeatures = slices().matching("org.plazo.notify.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule channelsAndMessagesKnowNothingOfDeliveries = noClasses().that()
		.resideInAnyPackage("..notify.sms..", "..notify.email..", "..notify.messages..", "..notify.recipients..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..notify.notifications..");

	@ArchTest
	static final ArchRule featuresDoNotReachIntoTheApplicationPackage = noClasses().that()
		.resideInAnyPackage("org.plazo.notify.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.plazo.notify");

}
