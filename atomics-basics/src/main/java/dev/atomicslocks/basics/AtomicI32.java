package dev.atomicslocks.basics;

/**
 * A signed 32-bit integer with atomic operations, Rust's {@code AtomicI32}. Each operation
 * takes the {@link Ordering} it needs; the package documentation maps them to
 * {@code VarHandle} access modes.
 */
public final class AtomicI32 extends IntAtomic {

    /** Creates an atomic holding zero. */
    public AtomicI32() {
        super(0);
    }

    /** Creates an atomic holding {@code initial}. */
    public AtomicI32(int initial) {
        super(initial);
    }

    /** Replaces the value with the larger of it and {@code operand}; returns the old value. */
    public int fetchMax(int operand, Ordering ordering) {
        return fetchAndCompute(ordering, current -> Math.max(current, operand));
    }

    /** Replaces the value with the smaller of it and {@code operand}; returns the old value. */
    public int fetchMin(int operand, Ordering ordering) {
        return fetchAndCompute(ordering, current -> Math.min(current, operand));
    }

    /** The value, read with {@code SEQ_CST}, in decimal. */
    @Override
    public String toString() {
        return Integer.toString(load(Ordering.SEQ_CST));
    }
}
