package org.plazo.cases.cases;

import java.time.LocalDate;

/**
 * A person of the applicant's household, covered by the same case.
 *
 * @param memberId stable id within the case, e.g. {@code member-1}
 * @param name full name
 * @param relationship to the applicant
 * @param birthDate date of birth, or {@code null} when unknown
 */
record HouseholdMember(String memberId, String name, Relationship relationship, LocalDate birthDate) {

}
