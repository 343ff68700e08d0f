package dev.atomicslocks.basics;

import dev.atomicslocks.basics.internal.Modes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A reference with atomic operations, the Java counterpart of Rust's {@code AtomicPtr<T>}.
 * It may hold {@code null}, as a pointer may be null. Comparisons are by identity
 * ({@code ==}), as Rust compares addresses, never by {@code equals}.
 *
 * <p>Publishing an object through a {@code RELEASE} store (or a stronger one) and reading it
 * with an {@code ACQUIRE} load (or a stronger one) makes everything written to the object
 * before the store visible to the reader, as in chapter 3's lazily initialised box.
 *
 * @param <T> the type of the referenced objects
 */
public final class AtomicRef<T> {

    /*
     * One reference field, reached through VALUE in the access mode that Modes picks. Java's
     * garbage collector keeps a referenced object alive, so none of the book's care about
     * freeing a pointer that another thread may still read applies here.
     */

    private static final VarHandle VALUE;

    static {
        try {
            VALUE = MethodHandles.lookup().findVarHandle(AtomicRef.class, "value", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("UnusedVariable") // only reached through VALUE
    private @Nullable T value;

    /** Creates an atomic holding {@code null}. */
    public AtomicRef() {
        this(null);
    }

    /** Creates an atomic holding {@code initial}. */
    public AtomicRef(@Nullable T initial) {
        VALUE.set(this, initial);
    }

    /** Reads the reference, with ordering {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    @SuppressWarnings("unchecked") // VALUE only ever holds a T
    public @Nullable T load(Ordering ordering) {
        return switch (Modes.load(ordering, "load")) {
            case Modes.RELAXED -> (T) VALUE.getOpaque(this);
            case Modes.ACQUIRE -> (T) VALUE.getAcquire(this);
            default -> (T) VALUE.getVolatile(this);
        };
    }

    /** Writes the reference, with ordering {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public void store(@Nullable T newValue, Ordering ordering) {
        switch (Modes.store(ordering, "store")) {
            case Modes.RELAXED -> VALUE.setOpaque(this, newValue);
            case Modes.RELEASE -> VALUE.setRelease(this, newValue);
            default -> VALUE.setVolatile(this, newValue);
        }
    }

    /** Replaces the reference and returns the previous one. */
    @SuppressWarnings("unchecked") // VALUE only ever holds a T
    public @Nullable T swap(@Nullable T newValue, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (T) VALUE.getAndSetAcquire(this, newValue);
            case Modes.RELEASE -> (T) VALUE.getAndSetRelease(this, newValue);
            default -> (T) VALUE.getAndSet(this, newValue);
        };
    }

    /**
     * Stores {@code desired} if the reference is {@code expected} (the same object), and
     * returns the reference it found either way: the exchange happened exactly when the result
     * is {@code expected}. Never fails spuriously.
     *
     * @param success the ordering of the read-modify-write when the references match
     * @param failure the ordering of the load when they do not: {@code RELAXED},
     *     {@code ACQUIRE} or {@code SEQ_CST}
     */
    public @Nullable T compareExchange(
            @Nullable T expected, @Nullable T desired, Ordering success, Ordering failure) {
        return exchangeIfSame(expected, desired,
                Modes.compareExchange(success, failure, "compareExchange"));
    }

    /**
     * Stores {@code desired} if the reference is {@code expected} (the same object), and
     * returns whether it did. May fail even when they match; use it in a loop. Unlike Rust it
     * does not return the reference it found: load it again to retry.
     */
    public boolean compareExchangeWeak(
            @Nullable T expected, @Nullable T desired, Ordering success, Ordering failure) {
        return switch (Modes.compareExchange(success, failure, "compareExchangeWeak")) {
            case Modes.RELAXED -> VALUE.weakCompareAndSetPlain(this, expected, desired);
            case Modes.ACQUIRE -> VALUE.weakCompareAndSetAcquire(this, expected, desired);
            case Modes.RELEASE -> VALUE.weakCompareAndSetRelease(this, expected, desired);
            default -> VALUE.weakCompareAndSet(this, expected, desired);
        };
    }

    /**
     * Applies {@code update} to the reference until it stores a result, and returns whether
     * it stored one; an empty result from {@code update} stops without storing.
     * {@code update} runs again only when another thread changed the reference in between, and
     * the argument of its last run is the reference that was replaced.
     *
     * <p>Two differences from Rust, both because {@link Optional} cannot hold {@code null}:
     * the update cannot store {@code null} (use {@link #swap} or {@link #compareExchange}),
     * and the result does not carry the previous reference, which may be {@code null}.
     *
     * @param setOrdering the ordering of the store of the new reference
     * @param fetchOrdering the ordering of each load: {@code RELAXED}, {@code ACQUIRE} or
     *     {@code SEQ_CST}
     */
    public boolean fetchUpdate(Ordering setOrdering, Ordering fetchOrdering,
            Function<@Nullable T, Optional<T>> update) {
        int mode = Modes.compareExchange(setOrdering, fetchOrdering, "fetchUpdate");
        T previous = load(fetchOrdering);
        while (true) {
            Optional<T> next = update.apply(previous);
            if (next.isEmpty()) {
                return false;
            }
            T witness = exchangeIfSame(previous, next.get(), mode);
            // Identity, not equals: the exchange compared the references themselves.
            if (isSame(witness, previous)) {
                return true;
            }
            previous = witness;
        }
    }

    /** {@code String.valueOf} of the reference, read with {@code SEQ_CST}. */
    @Override
    public String toString() {
        return String.valueOf(load(Ordering.SEQ_CST));
    }

    @SuppressWarnings("ReferenceEquality") // identity is the point, as in compareAndExchange
    private static boolean isSame(@Nullable Object a, @Nullable Object b) {
        return a == b;
    }

    @SuppressWarnings("unchecked") // VALUE only ever holds a T
    private @Nullable T exchangeIfSame(@Nullable T expected, @Nullable T desired, int mode) {
        return switch (mode) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (T) VALUE.compareAndExchangeAcquire(this, expected, desired);
            case Modes.RELEASE -> (T) VALUE.compareAndExchangeRelease(this, expected, desired);
            default -> (T) VALUE.compareAndExchange(this, expected, desired);
        };
    }
}
