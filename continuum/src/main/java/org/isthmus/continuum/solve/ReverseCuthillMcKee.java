package org.isthmus.continuum.solve;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * Reverse Cuthill–McKee ordering (Cuthill &amp; McKee 1969; George &amp; Liu, Computer Solution of
 * Large Sparse Positive Definite Systems, 1981, §4.3) on the symmetrised pattern of a sparse
 * matrix, each connected component started from a pseudo-peripheral node (a few breadth-first
 * sweeps to a node of maximal eccentricity): a small bandwidth and envelope for the banded and
 * envelope (skyline) factorisations. Deterministic.
 */
public final class ReverseCuthillMcKee {

    private ReverseCuthillMcKee() {
    }

    /**
     * The ordering of a sparse pattern in compressed rows (row pointers rp, column indices ci; one
     * or both triangles, the diagonal ignored); perm[newIndex] = oldIndex.
     */
    public static int[] order(int n, int[] rp, int[] ci) {
        // symmetrised adjacency (without the diagonal)
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                if (ci[p] != i) {
                    deg[i]++;
                    deg[ci[p]]++;
                }
            }
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + deg[i];
        }
        int[] adj = new int[start[n]];
        int[] fill = Arrays.copyOf(start, n);
        for (int i = 0; i < n; i++) {
            for (int p = rp[i]; p < rp[i + 1]; p++) {
                int j = ci[p];
                if (j != i) {
                    adj[fill[i]++] = j;
                    adj[fill[j]++] = i;
                }
            }
        }
        // duplicates (both triangles stored) only inflate degrees; the order stays valid
        int[] order = new int[n];
        boolean[] seen = new boolean[n];
        int count = 0;
        int[] level = new int[n];
        for (int seed = 0; seed < n; seed++) {
            if (seen[seed]) {
                continue;
            }
            int root = pseudoPeripheral(seed, start, adj, level, n);
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(root);
            seen[root] = true;
            int[] nb = new int[16];
            while (!queue.isEmpty()) {
                int v = queue.poll();
                order[count++] = v;
                int m = 0;
                for (int p = start[v]; p < start[v + 1]; p++) {
                    int w = adj[p];
                    if (!seen[w]) {
                        seen[w] = true;
                        if (m == nb.length) {
                            nb = Arrays.copyOf(nb, 2 * m);
                        }
                        nb[m++] = w;
                    }
                }
                // neighbours by increasing degree (insertion sort: m is small)
                for (int i = 1; i < m; i++) {
                    int t = nb[i];
                    int j = i - 1;
                    while (j >= 0 && deg[nb[j]] > deg[t]) {
                        nb[j + 1] = nb[j];
                        j--;
                    }
                    nb[j + 1] = t;
                }
                for (int i = 0; i < m; i++) {
                    queue.add(nb[i]);
                }
            }
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = order[n - 1 - i];
        }
        return perm;
    }

    private static int pseudoPeripheral(int seed, int[] start, int[] adj, int[] level, int n) {
        int root = seed;
        int ecc = -1;
        for (int sweep = 0; sweep < 5; sweep++) {
            Arrays.fill(level, -1);
            ArrayDeque<Integer> q = new ArrayDeque<>();
            q.add(root);
            level[root] = 0;
            int far = root;
            while (!q.isEmpty()) {
                int v = q.poll();
                if (level[v] > level[far] || (level[v] == level[far] && start[v + 1] - start[v] < start[far + 1] - start[far])) {
                    far = v;
                }
                for (int p = start[v]; p < start[v + 1]; p++) {
                    if (level[adj[p]] < 0) {
                        level[adj[p]] = level[v] + 1;
                        q.add(adj[p]);
                    }
                }
            }
            if (level[far] <= ecc) {
                break;
            }
            ecc = level[far];
            root = far;
        }
        return root;
    }
}
