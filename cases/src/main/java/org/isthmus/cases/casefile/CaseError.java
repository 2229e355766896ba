package org.isthmus.cases.casefile;

/**
 * One problem in a case file: where it is (file, line, column; 0 when unknown), the field path
 * ({@code md.timestep}; empty for the whole file) and what is wrong (what was found and what
 * was expected, and a suggestion where there is one).
 */
public record CaseError(String file, int line, int column, String path, String problem) {

    /** {@code case.yaml:12:5: md.timestep: found …; expected …}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(problem).toString();
    }
}
