package org.isthmus.cases.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class CaseReaderTest {

    private static final Path DIR = Path.of(".").toAbsolutePath();

    private static final String FE = """
            kind: fe
            fe:
              mesh: {generator: box, size: ["10 nm", 2, 2], cells: [4, 1, 1]}
              material: {youngs_modulus: "100 GPa", poisson_ratio: 0.25}
              boundary:
                - {set: xmin, type: clamp}
                - {set: xmax, type: displacement, component: x, value: "0.1 nm"}
            """;

    @Test
    void fillsEveryDefault() {
        Case c = CaseReader.parse("kind: md\npotential: x.sw\nstructure: {file: a.xyz}\n", "c.yaml", DIR);
        MdSection md = c.spec().md();
        assertEquals(1000, md.steps());
        assertEquals(1.0, md.timestep().value());
        assertEquals(300.0, md.temperature().value());
        assertEquals("none", md.thermostat());
        assertEquals(100, md.checkpointEvery());
        assertEquals("java", c.spec().backend());
        assertEquals(10, c.spec().outputs().every());
        assertEquals("angstrom,eV", c.spec().potential().units());
        assertEquals(DIR.resolve("a.xyz").normalize().toString(), c.spec().structure().file());
        assertNull(c.spec().relax());
    }

    @Test
    void yamlAndJsonGiveTheSameCase() {
        Case y = CaseReader.parse(FE, "c.yaml", DIR);
        String json = """
                {"kind": "fe", "fe": {
                  "mesh": {"generator": "box", "size": ["10 nm", 2, 2], "cells": [4, 1, 1]},
                  "material": {"youngs_modulus": "100 GPa", "poisson_ratio": 0.25},
                  "boundary": [{"set": "xmin", "type": "clamp"},
                               {"set": "xmax", "type": "displacement", "component": "x", "value": "0.1 nm"}]}}
                """;
        Case j = CaseReader.parse(json, "c.json", DIR);
        assertEquals(y.spec(), j.spec());
        assertEquals(100.0, y.spec().fe().mesh().size().get(0).value(), 1e-12);
    }

    @Test
    void resolvedCaseReadsBackToTheSameCase() {
        Case c = CaseReader.parse(FE, "c.yaml", DIR);
        Case again = CaseReader.parse(CaseWriter.toYaml(c.spec()), "r.yaml", DIR);
        assertEquals(c.spec(), again.spec());
    }

    @Test
    void reportsEveryProblemAtOnceWithPositionsAndSuggestions() {
        String text = """
                kind: md
                potential: x.sw
                structure: {file: a.xyz}
                md:
                  stepz: 10
                  timestep: "2.5 GPa"
                  temperature: -5
                  thermostat: langevine
                """;
        CaseException e = assertThrows(CaseException.class, () -> CaseReader.parse(text, "c.yaml", DIR));
        List<CaseError> errs = e.errors();
        assertEquals(4, errs.size(), e.getMessage());
        CaseError unknown = errs.get(0);
        assertEquals("md.stepz", unknown.path());
        assertEquals(5, unknown.line());
        assertEquals(3, unknown.column());
        assertTrue(unknown.problem().contains("did you mean 'steps'"), unknown.problem());
        assertTrue(e.getMessage().contains("c.yaml:6:13: md.timestep: found \"2.5 GPa\", a stress; expected a time"),
                e.getMessage());
        assertTrue(e.getMessage().contains("md.temperature: found -5; expected a temperature"), e.getMessage());
        assertTrue(e.getMessage().contains("found 'langevine' (did you mean 'langevin'?)"), e.getMessage());
    }

    @Test
    void sectionsOfOtherKindsAndMissingAlternativesAreErrors() {
        String text = """
                kind: md
                potential: x.sw
                structure: {lattice: fcc}
                relax: {fmax: 0.01}
                """;
        CaseException e = assertThrows(CaseException.class, () -> CaseReader.parse(text, "c.yaml", DIR));
        String m = e.getMessage();
        assertTrue(m.contains("c.yaml:4:1: relax: a section 'relax' does not belong in a case of kind md"), m);
        assertTrue(m.contains("missing required key 'element'"), m);
        assertTrue(m.contains("missing required key 'lattice_constant'"), m);
    }

    @Test
    void malformedYamlNamesItsPosition() {
        CaseException e = assertThrows(CaseException.class,
                () -> CaseReader.parse("kind: md\nmd: {steps: 3\n", "c.yaml", DIR));
        assertTrue(e.errors().get(0).line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("malformed YAML"), e.getMessage());
    }

    @Test
    void kindValuesMatchTheRegisteredKinds() throws Exception {
        Key k = CaseFile.class.getRecordComponents()[0].getAnnotation(Key.class);
        assertEquals(CaseKind.keys(), List.of(k.values()));
        for (CaseKind kind : CaseKind.values()) {
            assertEquals(kind.section(), Field.of(CaseFile.class).stream().filter(f -> f.name().equals(kind.key()))
                    .findFirst().orElseThrow().rawType());
        }
    }
}
