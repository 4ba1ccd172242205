package org.plazo.cases.console;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The login page, and the page shown when a role may not do what was asked.
 */
@Controller
class LoginController {

	@GetMapping("/console/login")
	String login() {
		return "console/login";
	}

	/** Reached by forward from Spring Security with any method. */
	@RequestMapping("/console/denied")
	String denied(HttpServletResponse response) {
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		return "console/denied";
	}

}
