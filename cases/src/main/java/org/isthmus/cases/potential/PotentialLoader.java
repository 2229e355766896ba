package org.isthmus.cases.potential;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.NnpPotential;
import org.isthmus.atomistic.potential.Potential;
import org.isthmus.atomistic.potential.eam.EamPotential;
import org.isthmus.atomistic.potential.sw.StillingerWeber;

/**
 * Turns a {@code --potential} argument into a {@link Potential}, by what the path is:
 * <ul>
 * <li>a directory with {@code input.nn}: an n2p2 NN-PES (in the given units);</li>
 * <li>{@code *.eam}: LAMMPS funcfl; {@code *.eam.alloy} or {@code *.setfl}: LAMMPS setfl, species by
 *     the element names in the file;</li>
 * <li>{@code *.sw}: LAMMPS Stillinger–Weber;</li>
 * <li>{@code *.yaml}, {@code *.yml}, {@code *.json}: a reference-potential description
 *     ({@link ReferencePotentialFile});</li>
 * <li>a short name of a potential shipped in {@code potentials/} ({@link ShippedPotentials}), e.g.
 *     {@code si-sw}.</li>
 * </ul>
 */
public final class PotentialLoader {
    private PotentialLoader() {
    }

    public static Potential load(Path given, LengthEnergyUnits units) {
        // a short name of a potential shipped with Isthmus (potentials/NAME), unless a file of that name exists
        Path path = !Files.exists(given) && ShippedPotentials.isShipped(given.toString())
                ? ShippedPotentials.resolve(given.toString()) : given;
        String p = path.toString();
        if (!Files.exists(path)) {
            throw new InvalidInputException(p, 0, "no such file or directory (expected an n2p2 potential directory, "
                    + "a LAMMPS .eam/.eam.alloy/.sw file or a .yaml reference-potential description)");
        }
        String name = path.getFileName() == null ? p : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isDirectory(path)) {
            if (!Files.isRegularFile(path.resolve("input.nn"))) {
                throw new InvalidInputException(p, 0, "this directory has no input.nn (expected an n2p2 potential "
                        + "directory with input.nn, scaling.data and weights.ZZZ.data)");
            }
            return NnpPotential.load(path, units);
        }
        if (name.endsWith(".eam.alloy") || name.endsWith(".setfl")) {
            return EamPotential.readSetfl(path);
        }
        if (name.endsWith(".eam")) {
            return EamPotential.readFuncfl(path);
        }
        if (name.endsWith(".sw")) {
            return StillingerWeber.read(path);
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json")) {
            return ReferencePotentialFile.read(path);
        }
        throw new InvalidInputException(p, 0, "cannot tell what kind of potential this is from its name "
                + "(expected a directory with input.nn, *.eam, *.eam.alloy, *.sw, or *.yaml/*.json)");
    }
}
