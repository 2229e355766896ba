package org.isthmus.atomistic.nnp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.isthmus.atomistic.InvalidInputException;

/**
 * The keyword lines of an n2p2 {@code input.nn} with n2p2's reading rules (§1,
 * {@code Settings.cpp}): everything from the first {@code #} or {@code !} is a comment; lines
 * that are then blank are skipped; whitespace runs collapse; the first token is the keyword, the
 * rest its value. Aliases map to one keyword ({@code symfunction} = {@code symfunction_short},
 * {@code nnp_generation}/{@code nnp_type_gen}/{@code nnp_gen} = {@code nnp_type}, …); using two
 * spellings of one keyword, or repeating a known keyword other than the few n2p2 allows to
 * repeat, is an error naming both lines. Unknown keywords are reported once as a warning, as n2p2
 * does. One deliberate difference: a trailing carriage return (CRLF files) is dropped.
 */
final class InputNnSettings {

    /** One keyword line: canonical keyword, the spelling used, the value (may be empty), 1-based line. */
    record Entry(String keyword, String spelling, String value, int line) {
        /** The value's whitespace-separated tokens. */
        String[] tokens() {
            return value.isEmpty() ? new String[0] : value.split(" ");
        }
    }

    private static final System.Logger LOG = System.getLogger(InputNnSettings.class.getName());

    /** Keywords n2p2 lets appear more than once (Settings.cpp). */
    private static final Set<String> REPEATABLE = Set.of("symfunction_short", "atom_energy", "element_nodes_short",
            "fixed_gausswidth", "initial_hardness");

    /** Alternative spellings → canonical keyword (Settings.cpp). */
    private static final Map<String, String> ALIASES = Map.of(
            "symfunction", "symfunction_short",
            "nnp_generation", "nnp_type",
            "nnp_type_gen", "nnp_type",
            "nnp_gen", "nnp_type",
            "short_energy_fraction", "energy_fraction",
            "short_force_fraction", "force_fraction",
            "short_energy_error_threshold", "rmse_threshold_energy",
            "short_force_error_threshold", "rmse_threshold_force");

    /** Keywords n2p2 knows (prediction, 4G and training); others only draw a warning. */
    private static final Set<String> KNOWN = Set.of(
            "number_of_elements", "elements", "atom_energy", "cutoff_type", "symfunction_short",
            "scale_symmetry_functions", "scale_min_short", "scale_max_short", "center_symmetry_functions",
            "scale_symmetry_functions_sigma", "global_hidden_layers_short", "global_nodes_short",
            "global_activation_short", "element_hidden_layers_short", "element_nodes_short",
            "element_activation_short", "normalize_nodes", "mean_energy", "conv_length", "conv_energy",
            "conv_charge", "nnp_type",
            "global_hidden_layers_electrostatic", "global_nodes_electrostatic", "global_activation_electrostatic",
            "element_hidden_layers_electrostatic", "element_nodes_electrostatic",
            "element_activation_electrostatic", "fixed_gausswidth", "initial_hardness", "ewald_truncation_error_method",
            "ewald_prec", "screen_electrostatics", "four_pi_epsilon",
            "random_seed", "test_fraction", "epochs", "use_short_forces", "rmse_threshold", "rmse_threshold_energy",
            "rmse_threshold_force", "rmse_threshold_charge", "rmse_threshold_trials", "rmse_threshold_trials_energy",
            "rmse_threshold_trials_force", "rmse_threshold_trials_charge", "energy_fraction", "force_fraction",
            "charge_fraction", "use_old_weights_short", "use_old_weights_charge", "weights_min", "weights_max",
            "nguyen_widrow_weights_short", "nguyen_widrow_weights_charge", "precondition_weights",
            "main_error_metric", "write_trainpoints", "write_trainforces", "write_traincharges",
            "write_weights_epoch", "write_neuronstats", "write_trainlog", "repeated_energy_update", "updater_type",
            "parallel_mode", "jacobian_mode", "update_strategy", "selection_mode", "selection_mode_energy",
            "selection_mode_force", "selection_mode_charge", "task_batch_size_energy", "task_batch_size_force",
            "task_batch_size_charge", "gradient_type", "gradient_eta", "gradient_adam_eta", "gradient_adam_beta1",
            "gradient_adam_beta2", "gradient_adam_epsilon", "kalman_type", "kalman_epsilon", "kalman_eta",
            "kalman_etatau", "kalman_etamax", "kalman_q0", "kalman_qtau", "kalman_qmin", "kalman_lambda_short",
            "kalman_nue_short", "memorize_symfunc_results", "force_weight");

    private final String source;
    private final Map<String, List<Entry>> entries = new LinkedHashMap<>();

    private InputNnSettings(String source) {
        this.source = source;
    }

    /** Reads and checks {@code input.nn}. */
    static InputNnSettings read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), 0, "cannot read the n2p2 settings file: " + e.getMessage());
        }
        return parse(file.toString(), lines);
    }

    static InputNnSettings parse(String source, List<String> lines) {
        InputNnSettings s = new InputNnSettings(source);
        Map<String, String> spellingOf = new HashMap<>();
        Map<String, Integer> lineOfSpelling = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            int cut = firstOf(line, '#', '!');
            if (cut >= 0) {
                line = line.substring(0, cut);
            }
            String reduced = reduce(line);
            if (reduced.isEmpty()) {
                continue;
            }
            int sp = reduced.indexOf(' ');
            String spelling = sp < 0 ? reduced : reduced.substring(0, sp);
            String value = sp < 0 ? "" : reduced.substring(sp + 1);
            String keyword = ALIASES.getOrDefault(spelling, spelling);
            int lineNo = i + 1;
            if (!KNOWN.contains(keyword)) {
                unknown.add(spelling + " (line " + lineNo + ")");
            } else {
                String previous = spellingOf.putIfAbsent(keyword, spelling);
                if (previous != null && !previous.equals(spelling)) {
                    throw new InvalidInputException(source, lineNo, "keyword '" + spelling + "' and its alternative '"
                            + previous + "' (line " + lineOfSpelling.get(previous) + ") are both used; give only one");
                }
                lineOfSpelling.putIfAbsent(spelling, lineNo);
                List<Entry> list = s.entries.computeIfAbsent(keyword, k -> new ArrayList<>());
                if (!list.isEmpty() && !REPEATABLE.contains(keyword)) {
                    throw new InvalidInputException(source, lineNo, "keyword '" + spelling + "' appears again (first "
                            + "at line " + list.get(0).line() + "); n2p2 allows repeats only of " + REPEATABLE);
                }
                list.add(new Entry(keyword, spelling, value, lineNo));
            }
        }
        if (!unknown.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, source + ": unknown keywords ignored, as n2p2 does: " + unknown);
        }
        return s;
    }

    private static int firstOf(String line, char a, char b) {
        int ia = line.indexOf(a);
        int ib = line.indexOf(b);
        if (ia < 0) {
            return ib;
        }
        return ib < 0 ? ia : Math.min(ia, ib);
    }

    /** n2p2 {@code reduce()}: trims spaces and tabs and collapses their runs to one space. */
    private static String reduce(String line) {
        StringBuilder b = new StringBuilder(line.length());
        boolean gap = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                gap = b.length() > 0;
            } else {
                if (gap) {
                    b.append(' ');
                    gap = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    String source() {
        return source;
    }

    boolean has(String keyword) {
        return entries.containsKey(keyword);
    }

    /** All lines of a (repeatable) keyword, in file order. */
    List<Entry> all(String keyword) {
        return entries.getOrDefault(keyword, List.of());
    }

    Optional<Entry> find(String keyword) {
        List<Entry> l = entries.get(keyword);
        return l == null ? Optional.empty() : Optional.of(l.get(0));
    }

    /** The single line of a required keyword. */
    Entry require(String keyword, String expected) {
        return find(keyword).orElseThrow(() -> new InvalidInputException(source, 0, "required keyword '" + keyword
                + "' is missing (expected: " + keyword + " " + expected + ")"));
    }

    InvalidInputException error(Entry e, String problem) {
        return new InvalidInputException(source, e.line(), problem);
    }

    /** Token {@code k} of a line as a double (strict: the whole token must be a number). */
    double number(Entry e, String[] tokens, int k, String what) {
        String t = token(e, tokens, k, what);
        try {
            double v = Double.parseDouble(t);
            if (!t.isEmpty() && Character.isLetter(t.charAt(t.length() - 1))) {
                throw new NumberFormatException(); // Java accepts "1d", "2f"; n2p2 files never mean that
            }
            return v;
        } catch (NumberFormatException x) {
            throw error(e, e.spelling() + ": " + what + " must be a number, found '" + t + "'");
        }
    }

    /** Token {@code k} of a line as an integer (strict). */
    int integer(Entry e, String[] tokens, int k, String what) {
        String t = token(e, tokens, k, what);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException x) {
            throw error(e, e.spelling() + ": " + what + " must be an integer, found '" + t + "'");
        }
    }

    String token(Entry e, String[] tokens, int k, String what) {
        if (k >= tokens.length) {
            throw error(e, e.spelling() + ": missing " + what + " (token " + (k + 1) + " of '" + e.value() + "')");
        }
        return tokens[k];
    }
}
