package org.isthmus.continuum.solve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.isthmus.continuum.mesh.Mesh;

/**
 * A greedy colouring of the elements such that no two elements of one colour share a node.
 * Elements of one colour can scatter into global arrays concurrently without locks, and every
 * global entry receives its contributions in a fixed order (colour by colour, one element per
 * colour), so parallel assembly is bitwise deterministic for any thread count.
 */
final class ElementColoring {
    private final int[][] colors;

    ElementColoring(Mesh mesh) {
        int ne = mesh.elementCount();
        // node -> elements
        int[] count = new int[mesh.nodeCount() + 1];
        for (int e = 0; e < ne; e++) {
            for (int a = 0; a < mesh.type(e).nodeCount(); a++) {
                count[mesh.node(e, a) + 1]++;
            }
        }
        for (int i = 0; i < mesh.nodeCount(); i++) {
            count[i + 1] += count[i];
        }
        int[] fill = count.clone();
        int[] adj = new int[count[mesh.nodeCount()]];
        for (int e = 0; e < ne; e++) {
            for (int a = 0; a < mesh.type(e).nodeCount(); a++) {
                adj[fill[mesh.node(e, a)]++] = e;
            }
        }
        int[] color = new int[ne];
        Arrays.fill(color, -1);
        long[] used = new long[4];
        int maxColor = 0;
        for (int e = 0; e < ne; e++) {
            Arrays.fill(used, 0);
            for (int a = 0; a < mesh.type(e).nodeCount(); a++) {
                int n = mesh.node(e, a);
                for (int k = count[n]; k < count[n + 1]; k++) {
                    int c = color[adj[k]];
                    if (c >= 0) {
                        if (c / 64 >= used.length) {
                            used = Arrays.copyOf(used, 2 * (c / 64 + 1));
                        }
                        used[c / 64] |= 1L << (c % 64);
                    }
                }
            }
            int c = 0;
            while (c / 64 < used.length && (used[c / 64] & (1L << (c % 64))) != 0) {
                c++;
            }
            color[e] = c;
            maxColor = Math.max(maxColor, c + 1);
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int c = 0; c < maxColor; c++) {
            lists.add(new ArrayList<>());
        }
        for (int e = 0; e < ne; e++) {
            lists.get(color[e]).add(e);
        }
        colors = new int[maxColor][];
        for (int c = 0; c < maxColor; c++) {
            colors[c] = lists.get(c).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /** The colour classes, each an array of element indices in increasing order. */
    int[][] colors() {
        return colors;
    }
}
