/**
 * Running cases: {@link org.isthmus.cases.run.CaseRunner} writes an output directory (resolved
 * case, log, step table, results, and last a {@link org.isthmus.cases.run.Summary}) with one
 * {@link org.isthmus.cases.run.Runner} per case kind, each resuming from its checkpoints (md and
 * fe bit for bit, relax from the checkpointed positions); {@link org.isthmus.cases.run.Study} varies a case over parameter values
 * and a {@link org.isthmus.cases.run.CaseExecutor} ({@link org.isthmus.cases.run.LocalExecutor} on
 * this machine, {@link org.isthmus.cases.run.slurm.SlurmExecutor} on a Slurm cluster) runs the
 * variants, collecting their summaries into one table.
 */
package org.isthmus.cases.run;
