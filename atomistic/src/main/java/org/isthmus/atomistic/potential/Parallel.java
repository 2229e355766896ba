package org.isthmus.atomistic.potential;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Runs work over fixed blocks of items on a pool of a chosen size. Blocks have a size that
 * depends only on the item count, never on the thread count, so a caller that reduces per-block
 * results in block order gets the same numbers on any number of threads.
 */
public final class Parallel {

    /** Items per block. */
    public static final int BLOCK = 64;

    private static final Map<Integer, ForkJoinPool> POOLS = new ConcurrentHashMap<>();

    private Parallel() {
    }

    /** Number of blocks for {@code n} items. */
    public static int blocks(int n) {
        return (n + BLOCK - 1) / BLOCK;
    }

    /** A block body: handles items {@code from … to−1} of block {@code block}. */
    @FunctionalInterface
    public interface BlockBody {
        void run(int block, int from, int to);
    }

    /** Runs {@code body} over all blocks of {@code n} items on {@code threads} threads (1: inline). */
    public static void forEachBlock(int n, int threads, BlockBody body) {
        int nb = blocks(n);
        if (threads <= 1 || nb <= 1) {
            for (int b = 0; b < nb; b++) {
                body.run(b, b * BLOCK, Math.min(n, (b + 1) * BLOCK));
            }
            return;
        }
        ForkJoinPool pool = POOLS.computeIfAbsent(threads, t -> new ForkJoinPool(t, p -> {
            var w = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            w.setDaemon(true);
            w.setName("isthmus-worker-" + w.getPoolIndex());
            return w;
        }, null, false));
        try {
            pool.submit(() -> IntStream.range(0, nb).parallel()
                    .forEach(b -> body.run(b, b * BLOCK, Math.min(n, (b + 1) * BLOCK)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        }
    }
}
