package dev.atomicslocks.basics;

/**
 * An unsigned 64-bit integer with atomic operations, Rust's {@code AtomicU64}, held in a Java
 * {@code long}. Values from 2<sup>63</sup> up read as negative longs: Rust's {@code u64::MAX} is
 * {@code -1L} here. {@link #fetchMax}, {@link #fetchMin} and {@link #toString} compare and print
 * unsigned; the arithmetic and bitwise operations are the same bits either way and wrap around
 * as in Rust.
 */
public final class AtomicU64 extends LongAtomic {

    /** Creates an atomic holding zero. */
    public AtomicU64() {
        super(0);
    }

    /** Creates an atomic holding {@code initial}, read as unsigned. */
    public AtomicU64(long initial) {
        super(initial);
    }

    /**
     * Replaces the value with the unsigned larger of it and {@code operand}; returns the
     * previous value.
     */
    public long fetchMax(long operand, Ordering ordering) {
        return fetchAndCompute(ordering,
                current -> Long.compareUnsigned(current, operand) >= 0 ? current : operand);
    }

    /**
     * Replaces the value with the unsigned smaller of it and {@code operand}; returns the
     * previous value.
     */
    public long fetchMin(long operand, Ordering ordering) {
        return fetchAndCompute(ordering,
                current -> Long.compareUnsigned(current, operand) <= 0 ? current : operand);
    }

    /** The value, read with {@code SEQ_CST}, in unsigned decimal. */
    @Override
    public String toString() {
        return Long.toUnsignedString(load(Ordering.SEQ_CST));
    }
}
