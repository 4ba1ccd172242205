package org.plazo.deadlines;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "org.plazo.deadlines", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.plazo.deadlines.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule controllersDoNotReachOtherFeaturesRepositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.areAssignableTo(Repository.class)
		.andShould()
		.dependOnClassesThat()
		.haveSimpleNameEndingWith("Store");

	@ArchTest
	static final ArchRule rulesAndCalendarDoNotKnowAboutKafka = noClasses().that()
		.resideInAnyPackage("org.plazo.deadlines.rules..", "org.plazo.deadlines.calendar..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..");

}
