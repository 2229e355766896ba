package org.isthmus.atomistic.neighbor;

import java.util.Arrays;

/** A growable int array, for building neighbour lists without boxing. */
final class IntList {
    private static final int MAX = Integer.MAX_VALUE - 8;

    private int[] data;
    private int size;

    IntList() {
        this(64);
    }

    IntList(int capacity) {
        data = new int[Math.max(16, capacity)];
    }

    void add(int v) {
        if (size == data.length) {
            grow();
        }
        data[size++] = v;
    }

    int size() {
        return size;
    }

    int[] toArray() {
        return Arrays.copyOf(data, size);
    }

    /** The backing array, valid up to {@link #size()}; no copy. */
    int[] array() {
        return data;
    }

    private void grow() {
        if (data.length == MAX) {
            throw new IllegalStateException("a neighbour list cannot hold more than " + MAX
                    + " entries; reduce the cutoff or the number of atoms");
        }
        data = Arrays.copyOf(data, (int) Math.min(MAX, 2L * data.length));
    }
}
