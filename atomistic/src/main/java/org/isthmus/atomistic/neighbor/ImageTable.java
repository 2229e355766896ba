package org.isthmus.atomistic.neighbor;

import java.util.Arrays;

/**
 * Interns periodic images (n₀, n₁, n₂) as small integer codes, numbered in order of first
 * appearance. A neighbour list holds only a handful of distinct images (27 for a cell wider than
 * twice the cutoff and wrapped atoms), so an entry stores a code instead of three integers and a
 * Cartesian shift, and the table holds each image once. Open addressing with linear probing.
 */
final class ImageTable {

    private int[] images = new int[3 * 32];   // 3 per code
    private int[] slots = new int[64];        // code + 1 per hash slot, 0 when empty
    private int size;
    private int last = -1;                    // code of the most recent lookup: images repeat in runs

    /** The code of image (a, b, c), added if new. */
    int intern(int a, int b, int c) {
        if (last >= 0 && images[3 * last] == a && images[3 * last + 1] == b && images[3 * last + 2] == c) {
            return last;
        }
        int mask = slots.length - 1;
        for (int s = hash(a, b, c) & mask;; s = (s + 1) & mask) {
            int code = slots[s] - 1;
            if (code < 0) {
                code = add(a, b, c);
                slots[s] = code + 1;
                if (2 * size > slots.length) {
                    rehash();
                }
                last = code;
                return code;
            }
            if (images[3 * code] == a && images[3 * code + 1] == b && images[3 * code + 2] == c) {
                last = code;
                return code;
            }
        }
    }

    /** The code of image (a, b, c), or −1 if absent. */
    int find(int a, int b, int c) {
        int mask = slots.length - 1;
        for (int s = hash(a, b, c) & mask;; s = (s + 1) & mask) {
            int code = slots[s] - 1;
            if (code < 0) {
                return -1;
            }
            if (images[3 * code] == a && images[3 * code + 1] == b && images[3 * code + 2] == c) {
                return code;
            }
        }
    }

    /** Number of distinct images. */
    int size() {
        return size;
    }

    /** Component k of the image with this code. */
    int image(int code, int k) {
        return images[3 * code + k];
    }

    private int add(int a, int b, int c) {
        if (3 * size == images.length) {
            images = Arrays.copyOf(images, 2 * images.length);
        }
        images[3 * size] = a;
        images[3 * size + 1] = b;
        images[3 * size + 2] = c;
        return size++;
    }

    private void rehash() {
        slots = new int[2 * slots.length];
        int mask = slots.length - 1;
        for (int code = 0; code < size; code++) {
            int s = hash(images[3 * code], images[3 * code + 1], images[3 * code + 2]) & mask;
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = code + 1;
        }
    }

    private static int hash(int a, int b, int c) {
        int h = a * 0x9E3779B1 + b * 0x85EBCA77 + c * 0xC2B2AE3D;
        return h ^ (h >>> 15);
    }
}
