package dev.atomicslocks.basics;

import java.lang.invoke.VarHandle;

/**
 * Fences and the spin-loop hint: Rust's {@code std::sync::atomic::fence} and
 * {@code std::hint::spin_loop}.
 */
public final class Atomics {

    private Atomics() {
    }

    /**
     * A memory fence. An {@code ACQUIRE} fence after a relaxed load orders it like an acquire
     * load; a {@code RELEASE} fence before a relaxed store orders it like a release store;
     * {@code ACQ_REL} is both; {@code SEQ_CST} also takes part in the single total order of
     * sequentially consistent operations.
     *
     * @throws IllegalArgumentException for {@code RELAXED}, which would order nothing
     */
    // Comparisons rather than a switch, so that a constant ordering folds away (see Modes).
    @SuppressWarnings("IfChainToSwitch")
    public static void fence(Ordering ordering) {
        if (ordering == Ordering.ACQUIRE) {
            VarHandle.acquireFence();
        } else if (ordering == Ordering.RELEASE) {
            VarHandle.releaseFence();
        } else if (ordering == Ordering.ACQ_REL) {
            // VarHandle has no acquire-release fence; the two halves together are exactly it.
            VarHandle.acquireFence();
            VarHandle.releaseFence();
        } else if (ordering == Ordering.SEQ_CST) {
            VarHandle.fullFence();
        } else if (ordering == Ordering.RELAXED) {
            throw new IllegalArgumentException(
                    "fence cannot use ordering RELAXED: a relaxed fence orders nothing;"
                            + " use ACQUIRE, RELEASE, ACQ_REL or SEQ_CST");
        } else {
            throw new NullPointerException("fence: ordering is null");
        }
    }

    /**
     * Tells the processor that the caller is spinning in a loop that waits for another thread
     * ({@link Thread#onSpinWait()}, a {@code pause} instruction on x86).
     */
    public static void spinLoop() {
        Thread.onSpinWait();
    }
}
