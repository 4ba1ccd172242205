package org.plazo.deadlines;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Dates go through the MongoDB driver's own java.time codecs, which store a
 * {@code LocalDate} as midnight UTC. Spring Data's default uses the JVM's time zone, so a
 * legal date could shift by a day on a server in another zone.
 */
@Configuration(proxyBeanMethods = false)
class MongoConfiguration {

	@Bean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

}
