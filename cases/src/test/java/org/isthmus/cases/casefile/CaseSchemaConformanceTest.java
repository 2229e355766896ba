package org.isthmus.cases.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

/**
 * The generated JSON Schema, checked by an independent validator (networknt): it accepts every
 * example case file and every resolved case, and rejects what the reader rejects for its shape
 * (unknown keys, wrong types, bad choices, units of the wrong dimension, missing sections).
 */
class CaseSchemaConformanceTest {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static JsonSchema schema() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(CaseSchema.schema());
    }

    static JsonNode read(String text, String name) throws Exception {
        return CaseReader.mapperFor(name).readTree(text);
    }

    @Test
    void acceptsTheExamplesAndTheirResolvedForms() throws Exception {
        JsonSchema s = schema();
        try (var files = Files.list(ROOT.resolve("cases/examples"))) {
            List<Path> cases = files.filter(p -> (p.toString().endsWith(".yaml") || p.toString().endsWith(".json"))
                    && !p.getFileName().toString().contains("study")).sorted().toList();
            assertFalse(cases.isEmpty());
            for (Path p : cases) {
                String text = Files.readString(p);
                Set<ValidationMessage> errs = s.validate(read(text, p.toString()));
                assertTrue(errs.isEmpty(), p + ": " + errs);
                Case c = CaseReader.parse(text, p.toString(), p.getParent());
                Set<ValidationMessage> resolved = s.validate(read(CaseWriter.toYaml(c.spec()), "r.yaml"));
                assertTrue(resolved.isEmpty(), p + " resolved: " + resolved);
            }
        }
    }

    @Test
    void rejectsWhatTheReaderRejectsForItsShape() throws Exception {
        JsonSchema s = schema();
        String[] bad = {
            "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {stepz: 3}\n",
            "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {steps: many}\n",
            "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {thermostat: langevine}\n",
            "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {timestep: \"2.5 GPa\"}\n",
            "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {steps: -1}\n",
            "kind: md\nstructure: {file: a.xyz}\n",
            "kind: fe\nmd: {steps: 3}\nfe: {mesh: {generator: box}, material: {youngs_modulus: 1, poisson_ratio: 0},"
                + " boundary: [{set: xmin, type: clamp}]}\n",
            "kind: crack\n",
        };
        for (String b : bad) {
            assertFalse(s.validate(read(b, "b.yaml")).isEmpty(), "the schema accepts:\n" + b);
        }
        String good = "kind: md\npotential: si-sw\nstructure: {file: a.xyz}\nmd: {timestep: \"0.5 fs\", steps: 3}\n";
        assertEquals(Set.of(), s.validate(read(good, "g.yaml")));
    }
}
