package org.isthmus.cases.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.isthmus.cases.casefile.Case;
import org.isthmus.cases.casefile.CaseException;
import org.isthmus.cases.casefile.CaseInputs;
import org.isthmus.cases.casefile.CaseReader;
import org.isthmus.cases.casefile.CaseWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code isthmus validate CASE…}: checks case files without running them: structure, types,
 * units, bounds, the rules between fields, and the resources they name (the potential loads and
 * knows every element, structure and mesh files read). Every problem of a file is listed, each
 * with file, line, column and field path. Exit 0 when all are valid, 2 otherwise.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check case files without running them; list every problem (file:line:column: field: what).",
            "Exit code 0 when valid, 2 when not."})
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "CASE", description = "case files (YAML or JSON)")
    List<Path> cases;

    @Option(names = "--print-resolved", description = "print each valid case with every default filled in")
    boolean printResolved;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int code = Isthmus.OK;
        for (Path p : cases) {
            int c = CaseCommands.guarded(err, () -> {
                Case k = CaseReader.read(p);
                CaseInputs.load(k);
                out.println(p + ": valid (kind " + k.spec().kind() + ")");
                if (printResolved) {
                    out.print(CaseWriter.toYaml(k.spec()));
                }
                out.flush();
                return Isthmus.OK;
            });
            code = Math.max(code, c);
        }
        return code;
    }

    /** For callers that want the exception: reads and checks one case. */
    static Case check(Path p) throws CaseException {
        Case k = CaseReader.read(p);
        CaseInputs.load(k);
        return k;
    }
}
