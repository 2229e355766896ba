package org.isthmus.atomistic.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the workplace's read-only reference data ({@code ../shared/} beside the project root).
 * A test that needs it calls {@link #require(String)}: where the folder is absent the test is
 * skipped with the reason, except under {@code CI=true}, where absence is a failure.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The project root (the folder holding the parent pom), found upwards from the working directory. */
    public static Path projectRoot() {
        String env = System.getenv("ISTHMUS_PROJECT_ROOT");
        if (env != null && Files.isDirectory(Paths.get(env))) {
            return Paths.get(env).toAbsolutePath();
        }
        Path p = Paths.get("").toAbsolutePath();
        while (p != null) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("atomistic"))) {
                return p;
            }
            p = p.getParent();
        }
        return Paths.get("").toAbsolutePath();
    }

    /** {@code ../shared} relative to the project root, or the folder named by {@code -Disthmus.shared}. */
    public static Path root() {
        String prop = System.getProperty("isthmus.shared");
        return prop != null ? Paths.get(prop) : projectRoot().resolve("../shared").normalize();
    }

    /** The path {@code relative} inside shared/, skipping (or, under CI=true, failing) the test if it is absent. */
    public static Path require(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            String reason = "reference data " + p + " is absent (the workplace's shared/ folder beside the project)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true it must be present");
            }
            Assumptions.abort(reason + "; skipping");
        }
        return p;
    }

    /**
     * A file that a Debian package installs (reference data that the workplace's shared/ folder
     * lacks), skipping the test with the reason where it is absent, failing under CI=true, where
     * {@code .ci/run} installs the package.
     */
    public static Path requireDebianFile(String absolutePath, String debianPackage) {
        Path p = Paths.get(absolutePath);
        if (!Files.exists(p)) {
            String reason = p + " is absent (install the Debian package " + debianPackage + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason + "; under CI=true .ci/run installs it");
            }
            Assumptions.abort(reason + "; skipping");
        }
        return p;
    }
}
