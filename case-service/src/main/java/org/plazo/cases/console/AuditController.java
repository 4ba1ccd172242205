package org.plazo.cases.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What operators did in the console, the newest first; operators only.
 */
@Controller
class AuditController {

	private final ConsoleAudit audit;

	AuditController(ConsoleAudit audit) {
		this.audit = audit;
	}

	@GetMapping("/console/audit")
	String audit(Model model) {
		model.addAttribute("entries",
				this.audit.latest()
					.stream()
					.map((entry) -> new Row(Formats.instant(entry.at()), entry.actor(), entry.role(), entry.action(),
							entry.target(), entry.outcome()))
					.toList());
		return "console/audit";
	}

	record Row(String at, String actor, String role, String action, String target, String outcome) {

	}

}
