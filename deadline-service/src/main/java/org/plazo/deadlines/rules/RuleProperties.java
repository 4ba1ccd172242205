package org.plazo.deadlines.rules;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The terms that the law leaves open and an operator may set ({@code plazo.rules.*}).
 *
 * @param supremeCourtTerm the term for an action before the Third Chamber of the Supreme
 * Court, counted from notification of the appeal decision (default two months, Ley 135 de
 * 1943 art. 42-B; to be confirmed by a lawyer)
 */
@ConfigurationProperties("plazo.rules")
public record RuleProperties(Period supremeCourtTerm) {

	public RuleProperties {
		supremeCourtTerm = (supremeCourtTerm != null) ? supremeCourtTerm : Period.ofMonths(2);
	}

	static RuleProperties defaults() {
		return new RuleProperties(null);
	}

}
