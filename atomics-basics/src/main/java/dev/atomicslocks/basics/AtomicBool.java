package dev.atomicslocks.basics;

import dev.atomicslocks.basics.internal.Modes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.function.Function;

/**
 * A boolean with atomic operations, Rust's {@code AtomicBool}. Each operation takes the
 * {@link Ordering} it needs; the package documentation maps them to {@code VarHandle} access
 * modes.
 */
public final class AtomicBool {

    /*
     * One boolean field, reached through VALUE in the access mode that Modes picks; VarHandle
     * has and, or and xor for booleans, so only fetchUpdate needs a compare-exchange loop.
     * fetchNand and fetchNot are rewritten into those as Rust does: nand with false is always
     * true (a swap), nand with true is a negation (an xor with true).
     */

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(AtomicBool.class, "value", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("UnusedVariable") // only reached through VALUE
    private boolean value;

    /** Creates an atomic holding {@code false}. */
    public AtomicBool() {
        this(false);
    }

    /** Creates an atomic holding {@code initial}. */
    public AtomicBool(boolean initial) {
        VALUE.set(this, initial);
    }

    /** Reads the value, with ordering {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    public boolean load(Ordering ordering) {
        return switch (Modes.load(ordering, "load")) {
            case Modes.RELAXED -> (boolean) VALUE.getOpaque(this);
            case Modes.ACQUIRE -> (boolean) VALUE.getAcquire(this);
            default -> (boolean) VALUE.getVolatile(this);
        };
    }

    /** Writes the value, with ordering {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public void store(boolean newValue, Ordering ordering) {
        switch (Modes.store(ordering, "store")) {
            case Modes.RELAXED -> VALUE.setOpaque(this, newValue);
            case Modes.RELEASE -> VALUE.setRelease(this, newValue);
            default -> VALUE.setVolatile(this, newValue);
        }
    }

    /** Replaces the value and returns the previous one. */
    public boolean swap(boolean newValue, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (boolean) VALUE.getAndSetAcquire(this, newValue);
            case Modes.RELEASE -> (boolean) VALUE.getAndSetRelease(this, newValue);
            default -> (boolean) VALUE.getAndSet(this, newValue);
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
    public boolean compareExchange(
            boolean expected, boolean desired, Ordering success, Ordering failure) {
        return exchangeIfEquals(expected, desired,
                Modes.compareExchange(success, failure, "compareExchange"));
    }

    /**
     * Stores {@code desired} if the value is {@code expected}, and returns whether it did. May
     * fail even when the values match; use it in a loop. Unlike Rust it does not return the
     * value it found: load it again to retry.
     */
    public boolean compareExchangeWeak(
            boolean expected, boolean desired, Ordering success, Ordering failure) {
        return switch (Modes.compareExchange(success, failure, "compareExchangeWeak")) {
            case Modes.RELAXED -> VALUE.weakCompareAndSetPlain(this, expected, desired);
            case Modes.ACQUIRE -> VALUE.weakCompareAndSetAcquire(this, expected, desired);
            case Modes.RELEASE -> VALUE.weakCompareAndSetRelease(this, expected, desired);
            default -> VALUE.weakCompareAndSet(this, expected, desired);
        };
    }

    /** Replaces the value with {@code value && operand}; returns the previous value. */
    public boolean fetchAnd(boolean operand, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (boolean) VALUE.getAndBitwiseAndAcquire(this, operand);
            case Modes.RELEASE -> (boolean) VALUE.getAndBitwiseAndRelease(this, operand);
            default -> (boolean) VALUE.getAndBitwiseAnd(this, operand);
        };
    }

    /** Replaces the value with {@code value || operand}; returns the previous value. */
    public boolean fetchOr(boolean operand, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (boolean) VALUE.getAndBitwiseOrAcquire(this, operand);
            case Modes.RELEASE -> (boolean) VALUE.getAndBitwiseOrRelease(this, operand);
            default -> (boolean) VALUE.getAndBitwiseOr(this, operand);
        };
    }

    /** Replaces the value with {@code value ^ operand}; returns the previous value. */
    public boolean fetchXor(boolean operand, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (boolean) VALUE.getAndBitwiseXorAcquire(this, operand);
            case Modes.RELEASE -> (boolean) VALUE.getAndBitwiseXorRelease(this, operand);
            default -> (boolean) VALUE.getAndBitwiseXor(this, operand);
        };
    }

    /** Replaces the value with {@code !(value && operand)}; returns the previous value. */
    public boolean fetchNand(boolean operand, Ordering ordering) {
        if (operand) {
            return fetchXor(true, ordering);
        }
        return swap(true, ordering);
    }

    /** Negates the value; returns the previous value. */
    public boolean fetchNot(Ordering ordering) {
        return fetchXor(true, ordering);
    }

    /**
     * Applies {@code update} to the value until it stores a result, and returns the previous
     * value; an empty result from {@code update} stops without storing and returns empty.
     * {@code update} runs again only when another thread changed the value in between.
     *
     * @param setOrdering the ordering of the store of the new value
     * @param fetchOrdering the ordering of each load: {@code RELAXED}, {@code ACQUIRE} or
     *     {@code SEQ_CST}
     */
    public Optional<Boolean> fetchUpdate(Ordering setOrdering, Ordering fetchOrdering,
            Function<Boolean, Optional<Boolean>> update) {
        int mode = Modes.compareExchange(setOrdering, fetchOrdering, "fetchUpdate");
        boolean previous = load(fetchOrdering);
        while (true) {
            Optional<Boolean> next = update.apply(previous);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            boolean witness = exchangeIfEquals(previous, next.get(), mode);
            if (witness == previous) {
                return Optional.of(previous);
            }
            previous = witness;
        }
    }

    /** The value, read with {@code SEQ_CST}: {@code "true"} or {@code "false"}. */
    @Override
    public String toString() {
        return Boolean.toString(load(Ordering.SEQ_CST));
    }

    private boolean exchangeIfEquals(boolean expected, boolean desired, int mode) {
        return switch (mode) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (boolean) VALUE.compareAndExchangeAcquire(this, expected, desired);
            case Modes.RELEASE ->
                    (boolean) VALUE.compareAndExchangeRelease(this, expected, desired);
            default -> (boolean) VALUE.compareAndExchange(this, expected, desired);
        };
    }
}
