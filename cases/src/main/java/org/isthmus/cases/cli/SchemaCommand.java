package org.isthmus.cases.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.isthmus.cases.casefile.CaseReference;
import org.isthmus.cases.casefile.CaseSchema;
import org.isthmus.cases.output.AtomicFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus schema}: prints the JSON Schema of case files (generated from the case-file
 * classes; the copy shipped in {@code docs/case-file.schema.json} is the same text), or with
 * {@code --reference} the Markdown case-file reference ({@code docs/case-files.md}).
 */
@Command(name = "schema", mixinStandardHelpOptions = true,
        description = {"Print the JSON Schema of case files (for editors), or the Markdown reference with --reference."})
final class SchemaCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--reference", description = "the Markdown case-file reference instead of the schema")
    boolean reference;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (atomically) instead of standard output")
    Path out;

    @Override
    public Integer call() {
        String text = reference ? CaseReference.markdown() : CaseSchema.json();
        if (out == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return Isthmus.OK;
        }
        try (AtomicFile f = new AtomicFile(out)) {
            f.writer().write(text);
            f.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return Isthmus.OK;
    }
}
