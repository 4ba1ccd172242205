package org.plazo.cases;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ProductionProfileTests {

	@Test
	void refusesToStartWithoutItsCredentialsAndNamesThemOnly() {
		Throwable thrown = catchThrowable(() -> new SpringApplicationBuilder(CaseServiceApplication.class)
			.profiles("prod")
			.properties("server.port=0", "PLAZO_KAFKA_USERNAME=plazo-case", "PLAZO_MONGODB_PASSWORD=s3cret-value")
			.run()
			.close());

		while (thrown != null && thrown.getCause() != null) {
			thrown = thrown.getCause();
		}
		assertThat(thrown).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("PLAZO_KAFKA_PASSWORD")
			.hasMessageContaining("PLAZO_MONGODB_USERNAME")
			.hasMessageContaining("PLAZO_JWT_ISSUER_URI");
		assertThat(thrown.getMessage()).doesNotContain("PLAZO_KAFKA_USERNAME", "PLAZO_MONGODB_PASSWORD",
				"s3cret-value");
	}

	@Test
	void findsEveryMissingOrEmptySettingAndNothingWhenNoneIsRequired() {
		MockEnvironment environment = new MockEnvironment();
		environment.setProperty(RequiredSettings.PROPERTY, " A_SET , B_EMPTY,C_MISSING,");
		environment.setProperty("A_SET", "x");
		environment.setProperty("B_EMPTY", " ");

		assertThat(RequiredSettings.missing(environment)).containsExactly("B_EMPTY", "C_MISSING");
		assertThat(RequiredSettings.missing(new MockEnvironment())).isEmpty();
	}

}
