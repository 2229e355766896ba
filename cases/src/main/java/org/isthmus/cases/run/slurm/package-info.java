/**
 * Running a study's cases on a Slurm cluster: {@link org.isthmus.cases.run.slurm.SlurmExecutor}
 * submits the cases as one job array (script: {@link org.isthmus.cases.run.slurm.SlurmScript};
 * record for re-attaching: {@link org.isthmus.cases.run.slurm.JobRecord}), follows it and judges
 * each task ({@link org.isthmus.cases.run.slurm.TaskVerdict}). Slurm is reached only through its
 * command-line tools ({@link org.isthmus.cases.run.slurm.SlurmCommands}) behind one seam,
 * {@link org.isthmus.cases.run.slurm.CommandRunner}. docs/cluster.md is the user's side.
 */
package org.isthmus.cases.run.slurm;
