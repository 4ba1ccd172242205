package org.plazo.cases.console;

import java.security.Principal;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.ErrorResponse;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console page knows: who is looking and whether they may act. A failure shows
 * a page, never a stack trace or the data that caused it.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	@ModelAttribute("user")
	String user(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	@ModelAttribute("operator")
	boolean operator(HttpServletRequest request) {
		return request.isUserInRole(ConsoleSecurity.OPERATOR);
	}

	/**
	 * A page or thing that does not exist, a bad parameter or a wrong method gets its
	 * status; anything else is a failure, logged without its message.
	 */
	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex) {
		if (ex instanceof ErrorResponse refused) {
			HttpStatusCode status = refused.getStatusCode();
			return new ModelAndView((status.value() == 404) ? "console/not-found" : "console/failed", Map.of(), status);
		}
		// The message may quote stored data; the type and the place are enough to start.
		StackTraceElement[] trace = ex.getStackTrace();
		log.error("Console request failed with {} at {}", ex.getClass().getName(), (trace.length > 0) ? trace[0] : "?");
		return new ModelAndView("console/failed", Map.of(), HttpStatus.INTERNAL_SERVER_ERROR);
	}

}
