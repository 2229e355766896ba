package org.isthmus.atomistic.nnp;

import java.util.List;

import org.isthmus.atomistic.InvalidInputException;
import org.isthmus.atomistic.structure.Element;

/**
 * Everything an NN-PES knows about one element: its symmetry functions in n2p2 order
 * ({@link SymmetryFunctionOrder#N2P2}), their training statistics (one per function, same order),
 * the element's network (one input per function) and its atomic energy offset (n2p2
 * {@code atom_energy}, file energy unit, not normalised; §4). Immutable.
 *
 * @param element      the element
 * @param functions    its symmetry functions, sorted in n2p2 order
 * @param statistics   the statistics of each function (from {@code scaling.data})
 * @param network      its network, {@code functions.size()} inputs
 * @param energyOffset the energy added per atom of this element (file energy unit)
 */
public record ElementModel(Element element, List<SymmetryFunction> functions,
        List<SymmetryFunctionStatistics> statistics, FeedForwardNetwork network, double energyOffset) {

    public ElementModel {
        if (element == null || network == null) {
            throw new InvalidInputException("an element model needs an element and a network");
        }
        functions = List.copyOf(functions);
        statistics = List.copyOf(statistics);
        for (int k = 0; k < functions.size(); k++) {
            SymmetryFunction f = functions.get(k);
            if (f.central() != element) {
                throw new InvalidInputException("symmetry function " + (k + 1) + " of " + element + " is centred on "
                        + f.central());
            }
            if (k > 0 && SymmetryFunctionOrder.N2P2.compare(functions.get(k - 1), f) > 0) {
                throw new InvalidInputException("symmetry functions of " + element + " are not in n2p2 order at "
                        + "position " + (k + 1) + "; sort them with SymmetryFunctionOrder.N2P2 (together with their "
                        + "statistics and the network inputs)");
            }
        }
        if (statistics.size() != functions.size()) {
            throw new InvalidInputException(element + " has " + functions.size() + " symmetry functions but "
                    + statistics.size() + " statistics rows");
        }
        if (network.inputs() != functions.size()) {
            throw new InvalidInputException(element + " has " + functions.size() + " symmetry functions but its "
                    + "network has " + network.inputs() + " inputs");
        }
        if (!Double.isFinite(energyOffset)) {
            throw new InvalidInputException("energy offset of " + element + " must be finite, got " + energyOffset);
        }
    }

    /** The same element with another network (e.g. after a training step). */
    public ElementModel withNetwork(FeedForwardNetwork newNetwork) {
        return new ElementModel(element, functions, statistics, newNetwork, energyOffset);
    }
}
