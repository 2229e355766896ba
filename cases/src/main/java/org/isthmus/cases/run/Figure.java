package org.isthmus.cases.run;

/** One key figure of a run's summary: a value and its unit ("eV", "K", "" for a count). */
public record Figure(double value, String unit) {
}
