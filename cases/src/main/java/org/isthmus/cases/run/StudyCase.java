package org.isthmus.cases.run;

import java.nio.file.Path;
import java.util.Map;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseInputs;

/**
 * One case of a study: its id ({@code case-003}), the parameter values that make it (path →
 * value as written), the checked case with its loaded inputs, and its output directory.
 */
public record StudyCase(String id, Map<String, String> parameters, Case theCase, CaseInputs inputs, Path out) {
}
