package org.isthmus.cases.casefile;

import java.util.List;
import java.util.stream.Collectors;

import org.isthmus.atomistic.InvalidInputException;

/**
 * A case file (or study file) that cannot be run, with every problem found in it (not only the
 * first). Its message lists them one per line. It is an {@link InvalidInputException}, so the
 * command line exits with code 2 for it.
 */
public final class CaseException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    private final transient List<CaseError> errors;

    public CaseException(List<CaseError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /** Every problem, in file order of discovery. */
    public List<CaseError> errors() {
        return errors;
    }

    private static String summary(List<CaseError> errors) {
        String head = errors.size() == 1 ? "1 problem in the case file" : errors.size() + " problems in the case file";
        return head + ":\n" + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
