package org.plazo.e2e;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: it drops strings, label
 * matchers, ranges, Grafana variables and grouping clauses, then takes every identifier
 * that is not a function call, a keyword or a number.
 */
final class PromQl {

	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"and", "or", "unless", "bool", "offset", "inf", "nan");

	private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	private PromQl() {
	}

	static Set<String> metricNames(String expression) {
		String rest = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
			.replaceAll("\\{[^}]*\\}", " ")
			.replaceAll("\\[[^\\]]*\\]", " ")
			.replaceAll("\\$\\{?[a-zA-Z_][a-zA-Z0-9_]*\\}?", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher identifier = IDENTIFIER.matcher(rest);
		while (identifier.find()) {
			String name = identifier.group();
			int after = identifier.end();
			while (after < rest.length() && Character.isWhitespace(rest.charAt(after))) {
				after++;
			}
			boolean call = after < rest.length() && rest.charAt(after) == '(';
			boolean number = identifier.start() > 0 && Character.isDigit(rest.charAt(identifier.start() - 1));
			if (!call && !number && !KEYWORDS.contains(name.toLowerCase())) {
				names.add(name);
			}
		}
		return names;
	}

}
