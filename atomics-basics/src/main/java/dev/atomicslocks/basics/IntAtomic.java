package dev.atomicslocks.basics;

import dev.atomicslocks.basics.internal.Modes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.OptionalInt;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * The 32-bit operations that {@link AtomicI32} and {@link AtomicU32} share: everything but
 * the ones where signed and unsigned differ ({@code fetchMax}, {@code fetchMin},
 * {@code toString}).
 */
abstract sealed class IntAtomic permits AtomicI32, AtomicU32 {

    /*
     * One int field, reached through VALUE in the access mode that Modes picks from the
     * caller's Ordering; the package documentation has the table. Each public method is one
     * switch on that mode, which the JIT folds to one VarHandle call when the ordering is a
     * constant. Read-modify-writes that VarHandle lacks (nand, max, min, update) are
     * compare-exchange loops, as Rust compiles them on x86: each attempt uses the caller's
     * ordering and a failed one hands back the value it saw, so no separate reload is needed.
     */

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(IntAtomic.class, "value", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("UnusedVariable") // only reached through VALUE
    private int value;

    IntAtomic(int initial) {
        VALUE.set(this, initial);
    }

    /** Reads the value, with ordering {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    public final int load(Ordering ordering) {
        return switch (Modes.load(ordering, "load")) {
            case Modes.RELAXED -> (int) VALUE.getOpaque(this);
            case Modes.ACQUIRE -> (int) VALUE.getAcquire(this);
            default -> (int) VALUE.getVolatile(this);
        };
    }

    /** Writes the value, with ordering {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public final void store(int newValue, Ordering ordering) {
        switch (Modes.store(ordering, "store")) {
            case Modes.RELAXED -> VALUE.setOpaque(this, newValue);
            case Modes.RELEASE -> VALUE.setRelease(this, newValue);
            default -> VALUE.setVolatile(this, newValue);
        }
    }

    /** Replaces the value and returns the previous one. */
    public final int swap(int newValue, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) VALUE.getAndSetAcquire(this, newValue);
            case Modes.RELEASE -> (int) VALUE.getAndSetRelease(this, newValue);
            default -> (int) VALUE.getAndSet(this, newValue);
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
    public final int compareExchange(
            int expected, int desired, Ordering success, Ordering failure) {
        return exchangeIfEquals(expected, desired,
                Modes.compareExchange(success, failure, "compareExchange"));
    }

    /**
     * Stores {@code desired} if the value is {@code expected}, and returns whether it did. May
     * fail even when the values match, which is cheaper on some processors; use it in a loop.
     * Unlike Rust it does not return the value it found: load it again to retry.
     */
    public final boolean compareExchangeWeak(
            int expected, int desired, Ordering success, Ordering failure) {
        return switch (Modes.compareExchange(success, failure, "compareExchangeWeak")) {
            case Modes.RELAXED -> VALUE.weakCompareAndSetPlain(this, expected, desired);
            case Modes.ACQUIRE -> VALUE.weakCompareAndSetAcquire(this, expected, desired);
            case Modes.RELEASE -> VALUE.weakCompareAndSetRelease(this, expected, desired);
            default -> VALUE.weakCompareAndSet(this, expected, desired);
        };
    }

    /** Adds {@code delta}, wrapping around on overflow, and returns the previous value. */
    public final int fetchAdd(int delta, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) VALUE.getAndAddAcquire(this, delta);
            case Modes.RELEASE -> (int) VALUE.getAndAddRelease(this, delta);
            default -> (int) VALUE.getAndAdd(this, delta);
        };
    }

    /** Subtracts {@code delta}, wrapping around on overflow, and returns the previous value. */
    public final int fetchSub(int delta, Ordering ordering) {
        return fetchAdd(-delta, ordering);
    }

    /** Replaces the value with its bitwise and with {@code bits}; returns the previous value. */
    public final int fetchAnd(int bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) VALUE.getAndBitwiseAndAcquire(this, bits);
            case Modes.RELEASE -> (int) VALUE.getAndBitwiseAndRelease(this, bits);
            default -> (int) VALUE.getAndBitwiseAnd(this, bits);
        };
    }

    /** Replaces the value with its bitwise or with {@code bits}; returns the previous value. */
    public final int fetchOr(int bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) VALUE.getAndBitwiseOrAcquire(this, bits);
            case Modes.RELEASE -> (int) VALUE.getAndBitwiseOrRelease(this, bits);
            default -> (int) VALUE.getAndBitwiseOr(this, bits);
        };
    }

    /** Replaces the value with its bitwise xor with {@code bits}; returns the previous value. */
    public final int fetchXor(int bits, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) VALUE.getAndBitwiseXorAcquire(this, bits);
            case Modes.RELEASE -> (int) VALUE.getAndBitwiseXorRelease(this, bits);
            default -> (int) VALUE.getAndBitwiseXor(this, bits);
        };
    }

    /** Replaces the value with {@code ~(value & bits)}; returns the previous value. */
    public final int fetchNand(int bits, Ordering ordering) {
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
    public final OptionalInt fetchUpdate(
            Ordering setOrdering, Ordering fetchOrdering, IntFunction<OptionalInt> update) {
        int mode = Modes.compareExchange(setOrdering, fetchOrdering, "fetchUpdate");
        int previous = load(fetchOrdering);
        while (true) {
            OptionalInt next = update.apply(previous);
            if (next.isEmpty()) {
                return OptionalInt.empty();
            }
            int witness = exchangeIfEquals(previous, next.getAsInt(), mode);
            if (witness == previous) {
                return OptionalInt.of(previous);
            }
            previous = witness;
        }
    }

    /**
     * A read-modify-write that VarHandle has no instruction for: a loop of compare-exchanges
     * in the caller's ordering, each retry starting from the value the failed one saw.
     */
    final int fetchAndCompute(Ordering ordering, IntUnaryOperator compute) {
        int mode = Modes.readModifyWrite(ordering);
        // The first guess may be stale; the compare-exchange then returns the real value.
        int previous = (int) VALUE.getOpaque(this);
        while (true) {
            int witness = exchangeIfEquals(previous, compute.applyAsInt(previous), mode);
            if (witness == previous) {
                return previous;
            }
            previous = witness;
        }
    }

    private int exchangeIfEquals(int expected, int desired, int mode) {
        return switch (mode) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (int) VALUE.compareAndExchangeAcquire(this, expected, desired);
            case Modes.RELEASE -> (int) VALUE.compareAndExchangeRelease(this, expected, desired);
            default -> (int) VALUE.compareAndExchange(this, expected, desired);
        };
    }
}
