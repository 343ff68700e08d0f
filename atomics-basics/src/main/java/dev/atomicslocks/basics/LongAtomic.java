package dev.atomicslocks.basics;

import dev.atomicslocks.basics.internal.Modes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.function.LongUnaryOperator;

/**
 * The 64-bit operations that {@link AtomicI64} and {@link AtomicU64} share: everything but
 * the ones where signed and unsigned differ ({@code fetchMax}, {@code fetchMin},
 * {@code toString}).
 */
abstract sealed class LongAtomic permits AtomicI64, AtomicU64 {

    /*
     * One long field, reached through VALUE in the access mode that Modes picks from the
     * caller's Ordering; the package documentation has the table. Each public method is one
     * switch on that mode, which the JIT folds to one VarHandle call when the ordering is a
     * constant. Read-modify-writes that VarHandle lacks (nand, max, min, update) are
     * compare-exchange loops, as Rust compiles them on x86: each attempt uses the caller's
     * ordering and a failed one hands back the value it saw, so no separate reload is needed.
     */

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(LongAtomic.class, "value", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("UnusedVariable") // only reached through VALUE
    private long value;

    LongAtomic(long initial) {
        VALUE.set(this, initial);
    }

    /** Reads the value, with ordering {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    public final long load(Ordering ordering) {
        return switch (Modes.load(ordering, "load")) {
            case Modes.RELAXED -> (long) VALUE.getOpaque(this);
            case Modes.ACQUIRE -> (long) VALUE.getAcquire(this);
            default -> (long) VALUE.getVolatile(this);
        };
    }

    /** Writes the value, with ordering {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public final void store(long newValue, Ordering ordering) {
        switch (Modes.store(ordering, "store")) {
            case Modes.RELAXED -> VALUE.setOpaque(this, newValue);
            case Modes.RELEASE -> VALUE.setRelease(this, newValue);
            default -> VALUE.setVolatile(this, newValue);
        }
    }

    /** Replaces the value and returns the previous one. */
    public final long swap(long newValue, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (long) VALUE.getAndSetAcquire(this, newValue);
            case Modes.RELEASE -> (long) VALUE.getAndSetRelease(this, newValue);
            default -> (long) VALUE.getAndSet(this, newValue);
        };
    }

    /**
     * Stores {@code desired} if the value is {@code expected}, and returns the value it found
     * either way: the exchange happened exactly when the result equals {@code expected}.
     * Never fails spuriously.
     *
     * @param success the ordering of the read-modify-write when the values match
     * @param failure the ordering of the load when they do not: {@code RELAXED},
     *     {@code ACQUIRE} or {@code SEQ_CST}
     */
    public final long compareExchange(
            long expected, long desired, Ordering success, Ordering failure) {
        return exchangeIfEquals(expected, desired,
                Modes.compareExchange(success, failure, "compareExchange"));
    }

    /**
     * Stores {@code desired} if the value is {@code expected}, and returns whether it did. May
     * fail even when the values match, which is cheaper on some processors; use it in a loop.
     * Unlike Rust it does not return the value it found: load it again to retry.
     */
    public final boolean compareExchangeWeak(
            long expected, long desired, Ordering success, Ordering failure) {
        return switch (Modes.compareExchange(success, failure, "compareExchangeWeak")) {
            case Modes.RELAXED -> VALUE.weakCompareAndSetPlain(this, expected, desired);
            case Modes.ACQUIRE -> VALUE.weakCompareAndSetAcquire(this, expected, desired);
            case Modes.RELEASE -> VALUE.weakCompareAndSetRelease(this, expected, desired);
            default -> VALUE.weakCompareAndSet(this, expected, desired);
        };
    }

    /** Adds {@code delta}, wrapping around on overflow, and returns the previous value. */
    public final long fetchAdd(long delta, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (long) VALUE.getAndAddAcquire(this, delta);
            case Modes.RELEASE -> (long) VALUE.getAndAddRelease(this, delta);
            default -> (long) VALUE.getAndAdd(this, delta);
        };
    }

    /** Subtracts {@code delta}, wrapping around on overflow, and returns the previous value. */
    public final long fetchSub(long delta, Ordering ordering) {
        return fetchAdd(-delta, ordering);
    }

    /** Replaces the value with its bitwise and with {@code bits}; returns the previous value. */
    public final long fetchAnd(long bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (long) VALUE.getAndBitwiseAndAcquire(this, bits);
            case Modes.RELEASE -> (long) VALUE.getAndBitwiseAndRelease(this, bits);
            default -> (long) VALUE.getAndBitwiseAnd(this, bits);
        };
    }

    /** Replaces the value with its bitwise or with {@code bits}; returns the previous value. */
    public final long fetchOr(long bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (long) VALUE.getAndBitwiseOrAcquire(this, bits);
            case Modes.RELEASE -> (long) VALUE.getAndBitwiseOrRelease(this, bits);
            default -> (long) VALUE.getAndBitwiseOr(this, bits);
        };
    }

    /** Replaces the value with its bitwise xor with {@code bits}; returns the previous value. */
    public final long fetchXor(long bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (long) VALUE.getAndBitwiseXorAcquire(this, bits);
            case Modes.RELEASE -> (long) VALUE.getAndBitwiseXorRelease(this, bits);
            default -> (long) VALUE.getAndBitwiseXor(this, bits);
        };
    }

    /** Replaces the value with {@code ~(value & bits)}; returns the previous value. */
    public final long fetchNand(long bits, Ordering ordering) {
        return fetchAndCompute(ordering, current -> ~(current & bits));
    }

    /**
     * Applies {@code update} to the value until it stores a result, and returns the previous
     * value; an empty result from {@code update} stops without storing and returns empty.
     * {@code update} runs again only when another thread changed the value in between, so it
     * must be free of side effects that cannot be repeated.
     *
     * @param setOrdering the ordering of the store of the new value
     * @param fetchOrdering the ordering of each load: {@code RELAXED}, {@code ACQUIRE} or
     *     {@code SEQ_CST}
     */
    public final OptionalLong fetchUpdate(
            Ordering setOrdering, Ordering fetchOrdering, LongFunction<OptionalLong> update) {
        int mode = Modes.compareExchange(setOrdering, fetchOrdering, "fetchUpdate");
        long previous = load(fetchOrdering);
        while (true) {
            OptionalLong next = update.apply(previous);
            if (next.isEmpty()) {
                return OptionalLong.empty();
            }
            long witness = exchangeIfEquals(previous, next.getAsLong(), mode);
            if (witness == previous) {
                return OptionalLong.of(previous);
            }
            previous = witness;
        }
    }

    /**
     * A read-modify-write that VarHandle has no instruction for: a loop of compare-exchanges
     * in the caller's ordering, each retry starting from the value the failed one saw.
     */
    final long fetchAndCompute(Ordering ordering, LongUnaryOperator compute) {
        int mode = Modes.readModifyWrite(ordering);
        // The first guess may be stale; the compare-exchange then returns the real value.
        long previous = (long) VALUE.getOpaque(this);
        while (true) {
            long witness = exchangeIfEquals(previous, compute.applyAsLong(previous), mode);
            if (witness == previous) {
                return previous;
            }
            previous = witness;
        }
    }

    private long exchangeIfEquals(long expected, long desired, int mode) {
        return switch (mode) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (long) VALUE.compareAndExchangeAcquire(this, expected, desired);
            case Modes.RELEASE -> (long) VALUE.compareAndExchangeRelease(this, expected, desired);
            default -> (long) VALUE.compareAndExchange(this, expected, desired);
        };
    }
}
