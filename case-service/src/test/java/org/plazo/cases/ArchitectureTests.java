package org.plazo.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import org.springframework.data.repository.Repository;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

@AnalyzeClasses(packages = "org.plazo.cases", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule noCyclesBetweenFeatures = slices().matching("org.plazo.cases.(*)..")
		.should()
		.beFreeOfCycles();

	@ArchTest
	static final ArchRule controllersReachOnlyTheirOwnFeaturesRepositories = classes().that()
		.areAnnotatedWith(RestController.class)
		.should(onlyUseRepositoriesOfTheirOwnPackage());

	@ArchTest
	static final ArchRule domainTimeComesFromTheClock = noClasses().should()
		.callMethodWhere(target(name("now")).and(target(owner(DescribedPredicate.describe("a java.time type",
				(JavaClass owner) -> owner.isEquivalentTo(Instant.class) || owner.isEquivalentTo(LocalDate.class)
						|| owner.isEquivalentTo(LocalDateTime.class) || owner.isEquivalentTo(OffsetDateTime.class)
						|| owner.isEquivalentTo(ZonedDateTime.class))))))
		.orShould()
		.callMethod(System.class, "currentTimeMillis")
		.because("the injected Clock is the only source of time (tests move it)");

	private static ArchCondition<JavaClass> onlyUseRepositoriesOfTheirOwnPackage() {
		return new ArchCondition<>("only use repositories of their own feature") {

			@Override
			public void check(JavaClass controller, ConditionEvents events) {
				for (Dependency dependency : controller.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass();
					if (target.isAssignableTo(Repository.class)
							&& !target.getPackageName().equals(controller.getPackageName())) {
						events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
					}
				}
			}

		};
	}

}
