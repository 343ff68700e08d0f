package dev.atomicslocks.basics;

/**
 * A signed 64-bit integer with atomic operations, Rust's {@code AtomicI64}. Each operation
 * takes the {@link Ordering} it needs; the package documentation maps them to
 * {@code VarHandle} access modes.
 */
public final class AtomicI64 extends LongAtomic {

    /** Creates an atomic holding zero. */
    public AtomicI64() {
        super(0);
    }

    /** Creates an atomic holding {@code initial}. */
    public AtomicI64(long initial) {
        super(initial);
    }

    /** Replaces the value with the larger of it and {@code operand}; returns the old value. */
    public long fetchMax(long operand, Ordering ordering) {
        return fetchAndCompute(ordering, current -> Math.max(current, operand));
    }

    /** Replaces the value with the smaller of it and {@code operand}; returns the old value. */
    public long fetchMin(long operand, Ordering ordering) {
        return fetchAndCompute(ordering, current -> Math.min(current, operand));
    }

    /** The value, read with {@code SEQ_CST}, in decimal. */
    @Override
    public String toString() {
        return Long.toString(load(Ordering.SEQ_CST));
    }
}
