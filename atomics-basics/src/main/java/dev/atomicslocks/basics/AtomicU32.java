package dev.atomicslocks.basics;

/**
 * An unsigned 32-bit integer with atomic operations, Rust's {@code AtomicU32}, held in a Java
 * {@code int}. Values from 2<sup>31</sup> up read as negative ints: Rust's {@code u32::MAX} is
 * {@code -1} here. {@link #fetchMax}, {@link #fetchMin} and {@link #toString} compare and print
 * unsigned; the arithmetic and bitwise operations are the same bits either way and wrap around
 * as in Rust. This is the word type that chapter 8's wait and wake operate on.
 */
public final class AtomicU32 extends IntAtomic {

    /** Creates an atomic holding zero. */
    public AtomicU32() {
        super(0);
    }

    /** Creates an atomic holding {@code initial}, read as unsigned. */
    public AtomicU32(int initial) {
        super(initial);
    }

    /**
     * Replaces the value with the unsigned larger of it and {@code operand}; returns the
     * previous value.
     */
    public int fetchMax(int operand, Ordering ordering) {
        return fetchAndCompute(ordering,
                current -> Integer.compareUnsigned(current, operand) >= 0 ? current : operand);
    }

    /**
     * Replaces the value with the unsigned smaller of it and {@code operand}; returns the
     * previous value.
     */
    public int fetchMin(int operand, Ordering ordering) {
        return fetchAndCompute(ordering,
                current -> Integer.compareUnsigned(current, operand) <= 0 ? current : operand);
    }

    /** The value, read with {@code SEQ_CST}, in unsigned decimal. */
    @Override
    public String toString() {
        return Integer.toUnsignedString(load(Ordering.SEQ_CST));
    }
}
