package org.isthmus.cases.potential;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The potentials shipped with Isthmus, by short name: {@code "si-sw"} is the n2p2 directory
 * {@code potentials/si-sw/} of the project (a directory under {@code potentials/} that holds an
 * {@code input.nn}). The {@code potentials/} folder is looked for in the working directory and its
 * parents, then beside the running jar and in its parents (so both {@code ./isthmus} from the
 * project and {@code java -jar cases/target/isthmus.jar} from elsewhere find it). Unknown names
 * are errors listing the shipped names.
 */
public final class ShippedPotentials {

    /** The folder of the project that holds the shipped potentials. */
    public static final String FOLDER = "potentials";

    private ShippedPotentials() {
    }

    /**
     * The directory of the shipped potential {@code name}.
     *
     * @throws InvalidInputException if no {@code potentials/} folder is found or it has no such
     *         potential (the message lists the shipped names and the nearest one)
     */
    public static Path resolve(String name) {
        Optional<Path> root = folder();
        if (root.isEmpty()) {
            throw new InvalidInputException(name, 0, "no shipped potential of this name: no '" + FOLDER
                    + "/' folder was found in the working directory, beside the isthmus jar, or in their parents");
        }
        List<String> names = names(root.get());
        if (!isPlainName(name) || !names.contains(name)) {
            throw new InvalidInputException(name, 0, "no shipped potential of this name; shipped: " + names + " (in "
                    + root.get() + ")" + Suggest.nearest(name, names));
        }
        return root.get().resolve(name);
    }

    /** Whether {@code name} is a shipped potential (false when no {@code potentials/} folder is found). */
    public static boolean isShipped(String name) {
        return isPlainName(name) && folder().map(r -> names(r).contains(name)).orElse(false);
    }

    /** The shipped names, sorted (empty when no {@code potentials/} folder is found). */
    public static List<String> names() {
        return folder().map(ShippedPotentials::names).orElse(List.of());
    }

    /** The {@code potentials/} folder: from the working directory upwards, then from the jar upwards. */
    public static Optional<Path> folder() {
        Set<Path> starts = new LinkedHashSet<>();
        starts.add(Paths.get("").toAbsolutePath());
        jarDirectory().ifPresent(starts::add);
        for (Path s : starts) {
            for (Path d = s; d != null; d = d.getParent()) {
                Path p = d.resolve(FOLDER);
                if (Files.isDirectory(p) && !names(p).isEmpty()) {
                    return Optional.of(p.normalize());
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(Path root) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(root)) {
            s.filter(d -> Files.isRegularFile(d.resolve("input.nn"))).forEach(d -> out.add(d.getFileName().toString()));
        } catch (IOException e) {
            return List.of();
        }
        out.sort(null);
        return out;
    }

    // a name, never a path: "si-sw", not "../x" or "a/b"
    private static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.contains("/") && !name.contains("\\") && !name.startsWith(".");
    }

    private static Optional<Path> jarDirectory() {
        try {
            CodeSource cs = ShippedPotentials.class.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) {
                return Optional.empty();
            }
            Path p = Paths.get(cs.getLocation().toURI()).toAbsolutePath();
            return Optional.ofNullable(Files.isDirectory(p) ? p : p.getParent());
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            // an unusual class loader: the working directory is searched alone
            return Optional.empty();
        }
    }
}
