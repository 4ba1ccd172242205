package org.plazo.notify.partners;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The partner feature's own structure: its sub-packages form no cycle, none reaches back
 * into the feature's wiring, and nothing else of the service depends on it.
 */
@AnalyzeClasses(packages = "org.plazo.notify", importOptions = ImportOption.DoNotIncludeTests.class)
class PartnerArchitectureTests {

	@ArchTest
	static final ArchRule noCyclesBetweenPartnerPackages = slices().matching("org.plazo.notify.partners.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule subPackagesDoNotReachTheWiring = noClasses().that()
		.resideInAPackage("org.plazo.notify.partners.(*)..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.plazo.notify.partners");

	@ArchTest
	static final ArchRule theRestOfTheServiceDoesNotDependOnPartners = noClasses().that()
		.resideOutsideOfPackage("org.plazo.notify.partners..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.plazo.notify.partners..");

}
