package org.isthmus.cases.casefile;

import org.isthmus.cases.potential.SourceMap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a case file (YAML, or JSON for {@code *.json}) with Jackson into a {@link Case}: parses
 * it, binds it to {@link CaseFile} and checks the rules that tie fields together (the section of
 * the kind, one of file/lattice, generator/Gmsh, the fields each boundary condition needs). Every
 * problem of a stage is reported at once in one {@link CaseException}; nothing is loaded or run.
 * Resources the case names (potential, structure and mesh files) are checked by
 * {@link CaseInputs}.
 */
public final class CaseReader {
    private CaseReader() {
    }

    /** A Jackson mapper for the file's format ({@code .json}: JSON, else YAML). */
    public static ObjectMapper mapperFor(String fileName) {
        ObjectMapper m = fileName.toLowerCase(Locale.ROOT).endsWith(".json") ? new ObjectMapper()
                : new ObjectMapper(new YAMLFactory());
        // a key given twice is a mistake, not "the last one wins"
        m.enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        return m;
    }

    /**
     * Reads and checks a case file.
     *
     * @throws CaseException with every problem found
     */
    public static Case read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CaseException(List.of(new CaseError(name, 0, 0, "", "cannot read the case file ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")")));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, name, dir);
    }

    /** Reads a case from its text ({@code name} tells the format and names it in messages). */
    public static Case parse(String text, String name, Path baseDir) {
        ObjectMapper mapper = mapperFor(name);
        JsonNode tree;
        SourceMap map;
        try {
            tree = mapper.readTree(text);
            map = SourceMap.of(mapper, text);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            throw new CaseException(List.of(new CaseError(name, l == null ? 0 : l.getLineNr(),
                    l == null ? 0 : l.getColumnNr(), "", "malformed " + (name.endsWith(".json") ? "JSON" : "YAML")
                    + ": " + e.getOriginalMessage().replaceAll("\\s+", " ").trim())));
        } catch (IOException e) {
            throw new CaseException(List.of(new CaseError(name, 0, 0, "", "cannot read: " + e.getMessage())));
        }
        return fromTree(tree, name, map, baseDir);
    }

    /** Binds and checks an already parsed document (a study's variant of a case). */
    public static Case fromTree(JsonNode tree, String name, SourceMap map, Path baseDir) {
        CaseBinder b = new CaseBinder(name, map, baseDir);
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new CaseException(List.of(new CaseError(name, 1, 1, "", "the file is empty; expected a map with at "
                    + "least 'kind' (one of " + String.join(", ", CaseKind.keys()) + ")")));
        }
        String kind = tree.path("kind").asText("");
        if (tree.isObject() && CaseKind.keys().contains(kind)) {
            for (CaseKind other : CaseKind.values()) {
                if (!other.key().equals(kind) && tree.has(other.key())) {
                    b.errorAtKey(other.key(), "a section '" + other.key() + "' does not belong in a case of kind " + kind
                            + "; remove it, or set kind: " + other.key());
                }
            }
        }
        JsonNode bound = tree;
        if (tree.isObject() && tree.path("kind").isTextual() && CaseKind.keys().contains(tree.path("kind").asText())
                && !tree.has(tree.path("kind").asText())) {
            // the kind's section may be left out when all its fields have defaults
            ObjectNode copy = ((ObjectNode) tree).deepCopy();
            copy.putObject(tree.path("kind").asText());
            bound = copy;
        }
        CaseFile spec = b.bind(bound, CaseFile.class, "");
        if (spec != null) {
            CaseChecks.check(spec, b);
        }
        if (!b.errors().isEmpty()) {
            throw new CaseException(b.errors());
        }
        return new Case(name, baseDir, tree, map, spec);
    }
}
