package org.isthmus.cases.run;

/**
 * What became of one case of a study: ran and completed, skipped because a complete summary was
 * already there, or failed (with the reason; the other cases go on).
 *
 * @param studyCase the case
 * @param status    {@code complete}, {@code skipped} or {@code failed}
 * @param summary   its summary (null when it failed before writing one)
 * @param message   why it failed, else empty
 */
public record CaseOutcome(StudyCase studyCase, String status, Summary summary, String message) {
}
