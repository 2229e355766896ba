package org.isthmus.cases.casefile;

import org.isthmus.cases.potential.SourceMap;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case file read and checked for structure: its bound, resolved {@link CaseFile} (every
 * default filled in, paths absolute), where it came from, and the positions of its fields (for
 * the messages of later checks).
 *
 * @param name    the file name used in messages
 * @param baseDir the folder relative paths were resolved against
 * @param tree    the document as read
 * @param map     positions of its fields
 * @param spec    the resolved case
 */
public record Case(String name, Path baseDir, JsonNode tree, SourceMap map, CaseFile spec) {

    /** A binder that reports problems of this case at its positions. */
    public CaseBinder binder() {
        return new CaseBinder(name, map, baseDir);
    }
}
