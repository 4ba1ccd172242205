package org.plazo.cases.cases;

/**
 * How a household member is related to the applicant.
 */
enum Relationship {

	SPOUSE, PARTNER, CHILD, PARENT, SIBLING, OTHER

}
