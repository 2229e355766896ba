package org.isthmus.cases.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.LengthEnergyUnits;
import org.isthmus.atomistic.nnp.Activation;
import org.isthmus.atomistic.nnp.CutoffType;
import org.isthmus.atomistic.structure.Configuration;
import org.isthmus.atomistic.structure.Element;
import org.isthmus.atomistic.structure.Lattices;
import org.isthmus.atomistic.train.DatasetFiles;
import org.isthmus.atomistic.train.LossSettings;
import org.isthmus.atomistic.train.ActiveLearning;
import org.isthmus.atomistic.train.CommandOracle;
import org.isthmus.atomistic.train.Oracle;
import org.isthmus.atomistic.train.PotentialOracle;
import org.isthmus.atomistic.train.TrainerSettings;
import org.isthmus.atomistic.train.TrainingRecipe;
import org.isthmus.cases.potential.PotentialLoader;
import org.isthmus.cases.potential.Suggest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads the {@code isthmus train} configuration (YAML or JSON) into a {@link TrainingRecipe}.
 * Paths are relative to the configuration file. Every field but {@code elements} and one of
 * {@code oracle}/{@code dataset} has a default; unknown fields are errors that name the field.
 *
 * <pre>
 * elements: [Si]
 * oracle: si.sw                  # anything --potential accepts; or  dataset: labelled.xyz (extended XYZ / input.data)
 *                                # or an external program: {command: [sh, run-dft.sh], timeout: 3600}
 *                                #   (runs in OUT/oracle-calls/call-NNNN: reads input.xyz, writes output.xyz)
 * seed: 1
 * structures:                    # generated from a crystal and labelled by the oracle
 *   crystal: {lattice: diamond, element: Si, a: 5.431, repeat: [1, 1, 1]}   # diamond | fcc | bcc | sc
 *   strained: 60                 # strained and rattled copies
 *   max_strain: 0.03
 *   strained_perfect: 0          # strained copies without rattle: their energies carry the elastic response
 *   rattle: 0.08                 # Å, every generated configuration
 *   vacancies: 10
 *   vacancy_hops: 0              # snapshots of an atom part-way into a vacancy (the migration path)
 *   axis: 2                      # of slabs and cleaved cells
 *   gaps: [0.5, 1.0, 2.0, 4.0]   # Å, cleaved cells
 *   slab_vacuum: 0               # Å (0: no slab)
 *   temperatures: []             # K, Langevin MD with the oracle
 *   snapshots: 0                 # per temperature
 *   every: 20                    # MD steps between snapshots
 *   planes: [[1, 1, 1], [1, 1, 0]]   # cells oriented on these planes, opened like the crystal (slab, gaps)
 *   plane_repeat: [1, 1, 2]      # repeats of each oriented cell (in-plane, in-plane, normal)
 *   check_properties: true       # after training: a, C11, C12, C44 and the planes' surface energies, model vs oracle
 * split: {train: 0.7, validation: 0.15}
 * symmetry_functions: {cutoff: 4.2, radial: 6, angular: 3, zetas: [1, 4], cutoff_type: poly2}
 * network: {hidden: [10, 10], activation: t}   # n2p2 codes: t tanh, p softplus, s logistic, …
 * loss: {sigma_energy: 0.005, sigma_force: 0.05, force_weight: 0, per_atom_energy: true}   # eV/atom, eV/Å; 0: 1/(3n)
 * optimizer: {epochs: 150, batch: 4, learning_rate: 0.005, decay: 0.995, min_learning_rate: 0.0002,
 *             patience: 0, lbfgs_iterations: 300}
 * fit_offsets: true
 * committee: 1
 * threads: 2
 * active_learning:               # after training (needs committee ≥ 2 and an oracle): committee MD from the crystal
 *   temperature: 900             # K, Langevin
 *   steps: 2000                  # MD steps
 *   timestep: 1.0                # fs
 *   friction: 0.01               # 1/fs
 *   check_every: 20              # steps between disagreement checks
 *   threshold: 0.2               # eV/Å: largest force deviation across members that calls the oracle
 *   max_calls: 10
 *   retrain_epochs: 20           # Adam epochs of every member after each call
 *   learning_rate: 0.001
 * </pre>
 */
final class TrainConfig {

    private static final List<String> TOP = List.of("elements", "oracle", "dataset", "seed", "structures", "split",
            "symmetry_functions", "network", "loss", "optimizer", "fit_offsets", "committee", "threads",
            "active_learning");

    private final String source;
    private final Path base;

    private final Path out;

    private TrainConfig(String source, Path base, Path out) {
        this.source = source;
        this.base = base;
        this.out = out;
    }

    static TrainingRecipe read(Path file) {
        return read(file, Path.of("train-out"));
    }

    /** Reads the configuration; an external-command oracle works under {@code out/oracle-calls}. */
    static TrainingRecipe read(Path file, Path out) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read the training configuration: "
                    + e.getMessage());
        }
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(file.toString(), line, "not valid YAML/JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException(file.toString(), 1, "expected a mapping with fields " + TOP);
        }
        Path dir = file.toAbsolutePath().getParent();
        return new TrainConfig(file.toString(), dir, out).build(root);
    }

    private TrainingRecipe build(JsonNode root) {
        allowOnly(root, "", TOP);
        JsonNode elNode = root.get("elements");
        if (elNode == null || !elNode.isArray() || elNode.isEmpty()) {
            throw error("elements", "missing; expected a list of element symbols, e.g. [Si]");
        }
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < elNode.size(); i++) {
            elements.add(element(elNode.get(i).asText(), "elements[" + i + "]"));
        }
        if (root.has("oracle") == root.has("dataset")) {
            throw error("oracle", "give exactly one of 'oracle' (a potential that labels generated structures) and "
                    + "'dataset' (a labelled extended XYZ or input.data file)");
        }
        long seed = (long) number(root, "", "seed", 1, false);
        Oracle oracle = null;
        org.isthmus.atomistic.train.Dataset dataset = null;
        TrainingRecipe.Samples samples = null;
        if (root.has("oracle")) {
            oracle = oracle(root.get("oracle"));
            samples = samples(object(root, "structures"), elements);
        } else {
            dataset = DatasetFiles.read(path(root, "dataset"));
        }
        JsonNode split = optionalObject(root, "split");
        double ft = number(split, "split", "train", 0.7, true);
        double fv = number(split, "split", "validation", 0.15, false);
        allowOnly(split, "split", List.of("train", "validation"));
        JsonNode sf = optionalObject(root, "symmetry_functions");
        allowOnly(sf, "symmetry_functions", List.of("cutoff", "radial", "angular", "zetas", "cutoff_type"));
        CutoffType ct = cutoffType(sf);
        TrainingRecipe.Functions functions = new TrainingRecipe.Functions(number(sf, "symmetry_functions", "cutoff", 6.0,
                true), integer(sf, "symmetry_functions", "radial", 6), integer(sf, "symmetry_functions", "angular", 3),
                numbers(sf, "symmetry_functions", "zetas", new double[] {1, 4}), ct);
        JsonNode net = optionalObject(root, "network");
        allowOnly(net, "network", List.of("hidden", "activation"));
        double[] h = numbers(net, "network", "hidden", new double[] {10, 10});
        int[] hidden = new int[h.length];
        for (int i = 0; i < h.length; i++) {
            hidden[i] = (int) h[i];
            if (hidden[i] != h[i] || hidden[i] < 1) {
                throw error("network.hidden", "expected positive whole numbers of neurons, got " + h[i]);
            }
        }
        Activation act;
        try {
            act = Activation.of(net.has("activation") ? net.get("activation").asText() : "t");
        } catch (InvalidInputException e) {
            throw error("network.activation", e.getMessage());
        }
        JsonNode l = optionalObject(root, "loss");
        allowOnly(l, "loss", List.of("sigma_energy", "sigma_force", "force_weight", "per_atom_energy",
                "sigma_virial", "virial_weight"));
        LossSettings loss = new LossSettings(number(l, "loss", "sigma_energy", 0.005, true),
                number(l, "loss", "sigma_force", 0.05, true), number(l, "loss", "force_weight", 0.0, false),
                !l.has("per_atom_energy") || bool(l, "loss", "per_atom_energy"),
                number(l, "loss", "sigma_virial", LossSettings.DEFAULT_SIGMA_VIRIAL, true),
                number(l, "loss", "virial_weight", 0.0, false));
        JsonNode o = optionalObject(root, "optimizer");
        allowOnly(o, "optimizer", List.of("epochs", "batch", "learning_rate", "decay", "min_learning_rate", "patience",
                "lbfgs_iterations"));
        int threads = root.has("threads") ? integer(root, "", "threads", 1) : 1;
        TrainerSettings ts;
        try {
            ts = new TrainerSettings(integer(o, "optimizer", "epochs", 150), integer(o, "optimizer", "batch", 4),
                    number(o, "optimizer", "learning_rate", 0.005, true), number(o, "optimizer", "decay", 0.995, true),
                    number(o, "optimizer", "min_learning_rate", 2e-4, false), integer(o, "optimizer", "patience", 0),
                    seed, threads);
        } catch (InvalidInputException e) {
            throw error("optimizer", e.getMessage());
        }
        int committee = root.has("committee") ? integer(root, "", "committee", 1) : 1;
        if (committee < 1) {
            throw error("committee", "expected at least 1 network, got " + committee);
        }
        boolean offsets = !root.has("fit_offsets") || bool(root, "", "fit_offsets");
        TrainingRecipe.ActiveStage active = null;
        if (root.has("active_learning")) {
            if (committee < 2) {
                throw error("active_learning", "needs a committee of at least two networks (committee: 2 or more); got "
                        + committee);
            }
            if (oracle == null) {
                throw error("active_learning", "needs an oracle to ask; a fixed dataset cannot grow");
            }
            JsonNode a = object(root, "active_learning");
            allowOnly(a, "active_learning", List.of("temperature", "steps", "timestep", "friction", "check_every",
                    "threshold", "max_calls", "retrain_epochs", "learning_rate"));
            ActiveLearning.Dynamics md;
            try {
                md = new ActiveLearning.Dynamics(integer(a, "active_learning", "steps", 2000),
                        number(a, "active_learning", "timestep", 1.0, true),
                        number(a, "active_learning", "temperature", 600, true),
                        number(a, "active_learning", "friction", 0.01, true),
                        integer(a, "active_learning", "check_every", 20));
            } catch (InvalidInputException e) {
                throw error("active_learning", e.getMessage());
            }
            active = new TrainingRecipe.ActiveStage(number(a, "active_learning", "threshold", 0.2, true),
                    integer(a, "active_learning", "max_calls", 10), integer(a, "active_learning", "retrain_epochs", 20),
                    number(a, "active_learning", "learning_rate", 1e-3, true), md);
        }
        return new TrainingRecipe(elements, oracle, dataset, samples, seed, ft, fv, functions, hidden, act, loss, ts,
                integer(o, "optimizer", "lbfgs_iterations", 300), offsets, committee, active);
    }

    /** A potential file or name (text), or an external program ({command: [...], timeout: s}). */
    private Oracle oracle(JsonNode o) {
        if (o.isTextual()) {
            return new PotentialOracle(PotentialLoader.load(path(o.asText(), "oracle"), LengthEnergyUnits.ANGSTROM_EV));
        }
        if (!o.isObject()) {
            throw error("oracle", "expected a potential (file or name) or a mapping {command: [program, args…], timeout: s}");
        }
        allowOnly(o, "oracle", List.of("command", "timeout"));
        JsonNode c = o.get("command");
        List<String> command = new ArrayList<>();
        if (c != null && c.isTextual() && !c.asText().isBlank()) {
            command.add(c.asText());
        } else if (c != null && c.isArray() && !c.isEmpty()) {
            for (int i = 0; i < c.size(); i++) {
                if (!c.get(i).isTextual()) {
                    throw error("oracle.command[" + i + "]", "found '" + c.get(i).asText() + "'; expected text");
                }
                command.add(c.get(i).asText());
            }
        } else {
            throw error("oracle.command", "missing; expected the program and its arguments, e.g. [sh, cp2k-oracle.sh]");
        }
        // A program or argument that names a file next to the configuration is taken from there.
        for (int i = 0; i < command.size(); i++) {
            Path file = base.resolve(command.get(i));
            if (!Path.of(command.get(i)).isAbsolute() && Files.isRegularFile(file)) {
                command.set(i, file.toString());
            }
        }
        double timeout = number(o, "oracle", "timeout", 3600, true);
        return new CommandOracle(command, out.toAbsolutePath().resolve("oracle-calls"), (long) Math.ceil(timeout));
    }

    private TrainingRecipe.Samples samples(JsonNode s, List<Element> elements) {
        allowOnly(s, "structures", List.of("crystal", "strained", "max_strain", "rattle", "vacancies", "axis", "gaps",
                "slab_vacuum", "temperatures", "snapshots", "every", "planes", "plane_repeat", "check_properties",
                "strained_perfect", "vacancy_hops"));
        JsonNode c = object(s, "crystal", "structures.crystal");
        allowOnly(c, "structures.crystal", List.of("lattice", "element", "a", "repeat"));
        String lattice = c.has("lattice") ? c.get("lattice").asText() : "";
        Element e = element(c.has("element") ? c.get("element").asText() : "", "structures.crystal.element");
        if (!elements.contains(e)) {
            throw error("structures.crystal.element", e + " is not among the elements " + elements);
        }
        double a = number(c, "structures.crystal", "a", Double.NaN, true);
        double[] rep = numbers(c, "structures.crystal", "repeat", new double[] {1, 1, 1});
        if (rep.length != 3) {
            throw error("structures.crystal.repeat", "expected three repeats [nx, ny, nz]");
        }
        int nx = (int) rep[0];
        int ny = (int) rep[1];
        int nz = (int) rep[2];
        Configuration crystal = switch (lattice.toLowerCase(Locale.ROOT)) {
            case "diamond" -> Lattices.diamond(e, a, nx, ny, nz);
            case "fcc" -> Lattices.fcc(e, a, nx, ny, nz);
            case "bcc" -> Lattices.bcc(e, a, nx, ny, nz);
            case "sc" -> Lattices.simpleCubic(e, a, nx, ny, nz);
            default -> throw error("structures.crystal.lattice", "unknown lattice '" + lattice
                    + "'; expected diamond, fcc, bcc or sc" + Suggest.nearest(lattice, List.of("diamond", "fcc", "bcc", "sc")));
        };
        Configuration unit = switch (lattice.toLowerCase(Locale.ROOT)) {
            case "diamond" -> Lattices.diamond(e, a, 1, 1, 1);
            case "fcc" -> Lattices.fcc(e, a, 1, 1, 1);
            case "bcc" -> Lattices.bcc(e, a, 1, 1, 1);
            default -> Lattices.simpleCubic(e, a, 1, 1, 1);
        };
        List<int[]> planes = new ArrayList<>();
        JsonNode pl = s.get("planes");
        if (pl != null) {
            if (!pl.isArray()) {
                throw error("structures.planes", "expected a list of Miller indices, e.g. [[1, 1, 1], [1, 1, 0]]");
            }
            for (int i = 0; i < pl.size(); i++) {
                double[] h = numbers(pl, "structures.planes", i);
                if (h.length != 3 || (h[0] == 0 && h[1] == 0 && h[2] == 0) || h[0] != Math.rint(h[0])
                        || h[1] != Math.rint(h[1]) || h[2] != Math.rint(h[2])) {
                    throw error("structures.planes[" + i + "]", "expected three whole Miller indices, not all zero, e.g. [1, 1, 1]");
                }
                planes.add(new int[] {(int) h[0], (int) h[1], (int) h[2]});
            }
        }
        double[] pr = numbers(s, "structures", "plane_repeat", new double[] {1, 1, 2});
        if (pr.length != 3 || pr[0] < 1 || pr[1] < 1 || pr[2] < 1) {
            throw error("structures.plane_repeat", "expected three whole repeats ≥ 1 [n1, n2, n_normal]");
        }
        boolean check = !s.has("check_properties") || bool(s, "structures", "check_properties");
        int axis = integer(s, "structures", "axis", 2);
        if (axis < 0 || axis > 2) {
            throw error("structures.axis", "expected 0, 1 or 2, got " + axis);
        }
        return new TrainingRecipe.Samples(crystal, integer(s, "structures", "strained", 40),
                number(s, "structures", "max_strain", 0.03, false), number(s, "structures", "rattle", 0.08, false),
                integer(s, "structures", "vacancies", 0), axis, numbers(s, "structures", "gaps", new double[0]),
                number(s, "structures", "slab_vacuum", 0.0, false), numbers(s, "structures", "temperatures",
                        new double[0]), integer(s, "structures", "snapshots", 0), integer(s, "structures", "every", 20),
                unit, planes, new int[] {(int) pr[0], (int) pr[1], (int) pr[2]},
                integer(s, "structures", "strained_perfect", 0), integer(s, "structures", "vacancy_hops", 0), check);
    }

    private CutoffType cutoffType(JsonNode sf) {
        if (!sf.has("cutoff_type")) {
            return CutoffType.POLY2;
        }
        String t = sf.get("cutoff_type").asText();
        List<String> names = new ArrayList<>();
        for (CutoffType c : CutoffType.values()) {
            names.add(c.name().toLowerCase(Locale.ROOT));
            if (c.name().equalsIgnoreCase(t)) {
                return c;
            }
        }
        throw error("symmetry_functions.cutoff_type", "unknown cutoff type '" + t + "'; expected one of " + names
                + Suggest.nearest(t, names));
    }

    // ---------------------------------------------------------------- helpers

    private void allowOnly(JsonNode node, String path, List<String> keys) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw error(path.isEmpty() ? k : path + "." + k, "unknown field '" + k + "'; expected one of " + keys
                        + Suggest.nearest(k, keys));
            }
        }
    }

    private Path path(String value, String field) {
        if (value.isBlank()) {
            throw error(field, "expected a file path or a potential name");
        }
        return base.resolve(value);
    }

    private Path path(JsonNode root, String field) {
        JsonNode v = root.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw error(field, "expected a file path");
        }
        return base.resolve(v.asText());
    }

    private Element element(String symbol, String path) {
        return Element.find(symbol).orElseThrow(() -> error(path, "unknown chemical element '" + symbol
                + "' (symbols are case-sensitive: Cu, Si)"));
    }

    private JsonNode object(JsonNode node, String field) {
        return object(node, field, field);
    }

    private JsonNode object(JsonNode node, String field, String full) {
        JsonNode v = node.get(field);
        if (v == null || !v.isObject()) {
            throw error(full, "missing or not a mapping");
        }
        return v;
    }

    private JsonNode optionalObject(JsonNode node, String field) {
        if (!node.has(field)) {
            return new ObjectMapper().createObjectNode();
        }
        return object(node, field);
    }

    private double number(JsonNode node, String path, String field, double dflt, boolean positive) {
        String full = path.isEmpty() ? field : path + "." + field;
        JsonNode v = node.get(field);
        if (v == null) {
            if (Double.isNaN(dflt)) {
                throw error(full, "missing; expected a number");
            }
            return dflt;
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble()) || (positive ? !(v.asDouble() > 0) : v.asDouble() < 0)) {
            throw error(full, "found '" + v.asText() + "'; expected a " + (positive ? "positive" : "non-negative")
                    + " number");
        }
        return v.asDouble();
    }

    private int integer(JsonNode node, String path, String field, int dflt) {
        String full = path.isEmpty() ? field : path + "." + field;
        JsonNode v = node.get(field);
        if (v == null) {
            return dflt;
        }
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw error(full, "found '" + v.asText() + "'; expected a whole number ≥ 0");
        }
        return v.asInt();
    }

    private boolean bool(JsonNode node, String path, String field) {
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw error(path.isEmpty() ? field : path + "." + field, "found '" + v.asText() + "'; expected true or false");
        }
        return v.asBoolean();
    }

    private double[] numbers(JsonNode list, String path, int index) {
        return numberList(list.get(index), path + "[" + index + "]");
    }

    private double[] numbers(JsonNode node, String path, String field, double[] dflt) {
        JsonNode v = node.get(field);
        return v == null ? dflt : numberList(v, path + "." + field);
    }

    /** The numbers of a YAML/JSON list at {@code full} (the field path named in errors). */
    private double[] numberList(JsonNode v, String full) {
        if (!v.isArray()) {
            throw error(full, "expected a list of numbers");
        }
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            if (!v.get(i).isNumber()) {
                throw error(full + "[" + i + "]", "found '" + v.get(i).asText() + "'; expected a number");
            }
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    private InvalidInputException error(String path, String problem) {
        return new InvalidInputException(source, 0, path + ": " + problem);
    }
}
