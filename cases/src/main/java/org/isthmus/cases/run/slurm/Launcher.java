package org.isthmus.cases.run.slurm;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The command that starts {@code isthmus} on a compute node, by default: the packaged jar this
 * program runs from, with the Java it runs on ({@code JAVA_HOME/bin/java -jar …/isthmus.jar}),
 * so nodes need Java 17 and the jar at the same paths as the login node (a shared file system);
 * where this program does not run from a jar, the {@code isthmus} launcher on PATH.
 */
public final class Launcher {
    private Launcher() {
    }

    /**
     * The default launcher.
     *
     * @throws SlurmException when neither a jar nor an {@code isthmus} on PATH is found
     */
    public static List<String> find() {
        Path jar = ownJar();
        if (jar != null) {
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString());
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String d : path.split(File.pathSeparator)) {
                Path p = Path.of(d, "isthmus");
                if (Files.isExecutable(p)) {
                    return List.of(p.toAbsolutePath().toString());
                }
            }
        }
        throw SlurmException.invalid("cannot tell how to start isthmus on the nodes: this program does not run "
                + "from the packaged jar and there is no 'isthmus' on PATH; give --launcher 'java -jar /shared/isthmus.jar'");
    }

    private static Path ownJar() {
        try {
            var src = Launcher.class.getProtectionDomain().getCodeSource();
            if (src == null) {
                return null;
            }
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath() : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }
}
