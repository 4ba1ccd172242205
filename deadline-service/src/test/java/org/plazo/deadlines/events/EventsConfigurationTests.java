package org.plazo.deadlines.events;

import com.mongodb.MongoSocketException;
import com.mongodb.ServerAddress;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

import static org.assertj.core.api.Assertions.assertThat;

class EventsConfigurationTests {

	@Test
	void waitsWithoutLimitWhileMongoDbIsUnreachable() {
		var unreachable = new ListenerExecutionFailedException("listener failed",
				new DataAccessResourceFailureException("store down",
						new MongoSocketException("refused", new ServerAddress("localhost", 27017))));

		BackOff backOff = EventsConfiguration.untilStoreIsBack(unreachable);

		assertThat(backOff).isNotNull();
		BackOffExecution execution = backOff.start();
		long last = 0;
		for (int attempt = 0; attempt < 1_000; attempt++) {
			last = execution.nextBackOff();
			assertThat(last).isNotEqualTo(BackOffExecution.STOP);
		}
		assertThat(last).isEqualTo(10_000);
	}

	@Test
	void leavesOtherFailuresToTheBoundedBackOffAndTheDeadLetterTopic() {
		var bug = new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug"));

		assertThat(EventsConfiguration.untilStoreIsBack(bug)).isNull();
	}

}
