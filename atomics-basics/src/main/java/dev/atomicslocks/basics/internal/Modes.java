package dev.atomicslocks.basics.internal;

import dev.atomicslocks.basics.Ordering;

/**
 * Turns an {@link Ordering} into one of four VarHandle access modes, rejecting the orderings
 * that an operation cannot take. Shared by the atomics of this module and, through a qualified
 * export, by the native futex word of the os-wait module; not part of the public API.
 *
 * <p>Every method compares references ({@code ==}) rather than switching on the enum: a switch
 * on an enum reads a lookup table that the JIT cannot fold, while these comparisons fold away
 * when the ordering is a constant at the call site, as it nearly always is. The atomics then
 * switch on the returned {@code int}, which also folds, leaving the single VarHandle call.
 */
public final class Modes {
    /** Opaque for loads and stores; the weakest variant there is for read-modify-writes. */
    public static final int RELAXED = 0;
    /** The {@code ...Acquire} variants. */
    public static final int ACQUIRE = 1;
    /** The {@code ...Release} variants. */
    public static final int RELEASE = 2;
    /** The volatile (sequentially consistent) variants. */
    public static final int VOLATILE = 3;

    private Modes() {
    }

    /** The access mode of a load; rejects {@code RELEASE} and {@code ACQ_REL}. */
    public static int load(Ordering ordering, String operation) {
        if (ordering == Ordering.RELAXED) {
            return RELAXED;
        }
        if (ordering == Ordering.ACQUIRE) {
            return ACQUIRE;
        }
        if (ordering == Ordering.SEQ_CST) {
            return VOLATILE;
        }
        throw rejected(operation, ordering, "a load has nothing to release",
                "RELAXED, ACQUIRE or SEQ_CST");
    }

    /** The access mode of a store; rejects {@code ACQUIRE} and {@code ACQ_REL}. */
    public static int store(Ordering ordering, String operation) {
        if (ordering == Ordering.RELAXED) {
            return RELAXED;
        }
        if (ordering == Ordering.RELEASE) {
            return RELEASE;
        }
        if (ordering == Ordering.SEQ_CST) {
            return VOLATILE;
        }
        throw rejected(operation, ordering, "a store has nothing to acquire",
                "RELAXED, RELEASE or SEQ_CST");
    }

    /** The access mode of a read-modify-write, which accepts every ordering. */
    public static int readModifyWrite(Ordering ordering) {
        if (ordering == Ordering.RELAXED) {
            return RELAXED;
        }
        if (ordering == Ordering.ACQUIRE) {
            return ACQUIRE;
        }
        if (ordering == Ordering.RELEASE) {
            return RELEASE;
        }
        if (ordering == Ordering.ACQ_REL || ordering == Ordering.SEQ_CST) {
            return VOLATILE;
        }
        throw new NullPointerException("ordering is null");
    }

    /**
     * The one access mode that gives a compare-exchange both its success and its failure
     * ordering. The failure ordering is that of a load, so {@code RELEASE} and {@code ACQ_REL}
     * are rejected there. Java has no mode that is acquire and release but not volatile.
     */
    public static int compareExchange(Ordering success, Ordering failure, String operation) {
        int onFailure = load(failure, operation + " (failure ordering)");
        int onSuccess = readModifyWrite(success);
        if (onSuccess == onFailure || onFailure == RELAXED) {
            return onSuccess;
        }
        if (onSuccess == RELAXED) {
            return onFailure;
        }
        // Different and both stronger than relaxed: acquire + release, or either with volatile.
        return VOLATILE;
    }

    private static IllegalArgumentException rejected(
            String operation, Ordering ordering, String reason, String allowed) {
        if (ordering == null) {
            throw new NullPointerException(operation + ": ordering is null");
        }
        return new IllegalArgumentException(operation + " cannot use ordering " + ordering
                + ": " + reason + "; use " + allowed);
    }
}
