package org.plazo.cases.privacy;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Audits the case API. Controller slice tests run without the audit log.
 */
@Configuration(proxyBeanMethods = false)
class AuditWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<CaseAudit> audit;

	AuditWebConfiguration(ObjectProvider<CaseAudit> audit) {
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		CaseAudit caseAudit = this.audit.getIfAvailable();
		if (caseAudit != null) {
			registry.addInterceptor(new AuditInterceptor(caseAudit))
				.addPathPatterns("/api/v1/cases", "/api/v1/cases/**");
		}
	}

}
