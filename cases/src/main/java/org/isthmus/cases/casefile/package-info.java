/**
 * Case files: the YAML/JSON description of one run, read with Jackson into immutable section
 * records ({@link org.isthmus.cases.casefile.CaseFile} and the records it holds), quantities with
 * units ({@link org.isthmus.cases.casefile.Quantity}, {@link org.isthmus.cases.casefile.Dimension}),
 * and validation before any work starts ({@link org.isthmus.cases.casefile.CaseReader},
 * {@link org.isthmus.cases.casefile.CaseInputs}): every problem at once, each with file, line,
 * column, field path, what was found, what was expected and the nearest valid key. The
 * {@link org.isthmus.cases.casefile.Key} annotations on the records drive the binder, the JSON
 * Schema ({@link org.isthmus.cases.casefile.CaseSchema}) and the Markdown reference
 * ({@link org.isthmus.cases.casefile.CaseReference}). A new case kind adds a section record, a
 * component of {@code CaseFile}, a {@link org.isthmus.cases.casefile.CaseKind} and a runner.
 */
package org.isthmus.cases.casefile;
