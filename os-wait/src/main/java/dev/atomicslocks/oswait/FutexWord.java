package dev.atomicslocks.oswait;

import dev.atomicslocks.basics.Ordering;
import dev.atomicslocks.basics.internal.Modes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A 32-bit atomic in native memory that threads can wait on through the Linux {@code futex}
 * system call, as chapter 8 of the book does; the word may live in memory shared between
 * processes (a file mapped by both), so that one process wakes a thread of another.
 *
 * <p>For words in the Java heap, {@link AtomicWait} on an {@code AtomicU32} is the better
 * choice: a system call costs hundreds of nanoseconds even when nobody waits, where
 * {@code AtomicWait} needs a few, and a native wait holds its carrier thread.
 *
 * <p>The atomic operations take an {@link Ordering} and behave as those of
 * {@code AtomicU32}; a wake is a system call, which orders everything before it.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Linux only; elsewhere every method that reaches the kernel throws
 *       {@link UnsupportedOperationException} naming the operating system.
 *   <li>A thread blocked in the kernel does not see {@link Thread#interrupt()}. The
 *       interruptible forms therefore sleep in slices of at most {@value #SLICE_MILLIS} ms and
 *       check for an interrupt between them, so an interrupt takes up to that long to notice.
 *   <li>A virtual thread waiting here stays mounted on its carrier thread for the whole wait.
 *   <li>The calls are restricted methods of {@code java.lang.foreign}: run with
 *       {@code --enable-native-access=dev.atomicslocks.oswait} (on the module path) or
 *       {@code --enable-native-access=ALL-UNNAMED} (on the class path) to avoid the JDK's
 *       warning.
 * </ul>
 */
public final class FutexWord {

    /** The longest single sleep of an interruptible wait; chosen, not measured. */
    static final long SLICE_MILLIS = 50;

    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final long SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(SLICE_MILLIS);

    private final MemorySegment word;
    private final boolean shared;

    private FutexWord(MemorySegment word, boolean shared) {
        this.word = word;
        this.shared = shared;
    }

    /**
     * Allocates a word, holding zero, that only this process uses (a private futex, which the
     * kernel handles faster than a shared one).
     */
    public static FutexWord allocate(Arena arena) {
        Futex.checkSupported();
        return new FutexWord(arena.allocate(ValueLayout.JAVA_INT), false);
    }

    /**
     * The word at {@code offset} in {@code memory}, waited on as a shared futex so that other
     * processes mapping the same memory (a file mapped with {@code FileChannel.map} in
     * read-write mode, say) can wait on it and wake it. The current value is kept.
     *
     * @throws IllegalArgumentException if the memory is not native, or the word is not
     *     aligned to 4 bytes, or does not fit
     */
    public static FutexWord shared(MemorySegment memory, long offset) {
        Futex.checkSupported();
        if (!memory.isNative()) {
            throw new IllegalArgumentException("a futex word must be in native memory, where it"
                    + " cannot move; this segment is on the Java heap");
        }
        if (offset < 0 || offset > memory.byteSize() - Integer.BYTES) {
            throw new IllegalArgumentException("offset " + offset + " leaves no room for a"
                    + " 4-byte word in a segment of " + memory.byteSize() + " bytes");
        }
        MemorySegment word = memory.asSlice(offset, Integer.BYTES);
        if (word.address() % Integer.BYTES != 0) {
            throw new IllegalArgumentException("a futex word must be aligned to 4 bytes; address "
                    + Long.toHexString(word.address()) + " is not");
        }
        return new FutexWord(word, true);
    }

    /** The four bytes of the word. */
    public MemorySegment segment() {
        return word;
    }

    /** Whether other processes may share the word (a shared futex rather than a private one). */
    public boolean isShared() {
        return shared;
    }

    /** Reads the word, with ordering {@code RELAXED}, {@code ACQUIRE} or {@code SEQ_CST}. */
    public int load(Ordering ordering) {
        return switch (Modes.load(ordering, "load")) {
            case Modes.RELAXED -> (int) INT.getOpaque(word, 0L);
            case Modes.ACQUIRE -> (int) INT.getAcquire(word, 0L);
            default -> (int) INT.getVolatile(word, 0L);
        };
    }

    /** Writes the word, with ordering {@code RELAXED}, {@code RELEASE} or {@code SEQ_CST}. */
    public void store(int value, Ordering ordering) {
        switch (Modes.store(ordering, "store")) {
            case Modes.RELAXED -> INT.setOpaque(word, 0L, value);
            case Modes.RELEASE -> INT.setRelease(word, 0L, value);
            default -> INT.setVolatile(word, 0L, value);
        }
    }

    /** Replaces the word and returns the previous value. */
    public int swap(int value, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) INT.getAndSetAcquire(word, 0L, value);
            case Modes.RELEASE -> (int) INT.getAndSetRelease(word, 0L, value);
            default -> (int) INT.getAndSet(word, 0L, value);
        };
    }

    /** Adds {@code delta}, wrapping around, and returns the previous value. */
    public int fetchAdd(int delta, Ordering ordering) {
        return switch (Modes.readModifyWrite(ordering)) {
            case Modes.RELAXED, Modes.ACQUIRE -> (int) INT.getAndAddAcquire(word, 0L, delta);
            case Modes.RELEASE -> (int) INT.getAndAddRelease(word, 0L, delta);
            default -> (int) INT.getAndAdd(word, 0L, delta);
        };
    }

    /**
     * Stores {@code desired} if the word holds {@code expected}; returns the value it found,
     * which equals {@code expected} exactly when the exchange happened.
     */
    public int compareExchange(int expected, int desired, Ordering success, Ordering failure) {
        return switch (Modes.compareExchange(success, failure, "compareExchange")) {
            case Modes.RELAXED, Modes.ACQUIRE ->
                    (int) INT.compareAndExchangeAcquire(word, 0L, expected, desired);
            case Modes.RELEASE -> (int) INT.compareAndExchangeRelease(word, 0L, expected, desired);
            default -> (int) INT.compareAndExchange(word, 0L, expected, desired);
        };
    }

    /**
     * FUTEX_WAIT: sleeps in the kernel while the word holds {@code expected}. Returns when
     * woken, at once if the value differs, and spuriously when a signal interrupts the call:
     * re-check the word in a loop. Does not look at, or change, the interrupt status.
     */
    public void futexWait(int expected) {
        Futex.wait(word, expected, shared, -1);
    }

    /**
     * As {@link #futexWait}, but ends with {@link InterruptedException} when the thread is
     * interrupted before or during the wait (noticed within {@value #SLICE_MILLIS} ms).
     */
    public void futexWaitInterruptibly(int expected) throws InterruptedException {
        while (futexWaitSlice(expected, SLICE_NANOS)) {
            // The slice ran out with the value unchanged: sleep again.
        }
    }

    /**
     * As {@link #futexWaitInterruptibly}, giving up after {@code timeout}.
     *
     * @return {@code false} if the timeout elapsed, {@code true} otherwise
     */
    public boolean futexWaitFor(int expected, Duration timeout) throws InterruptedException {
        // Saturating, and clamped at zero: now + Long.MIN_VALUE would wrap into the future.
        long deadline = System.nanoTime() + Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return load(Ordering.ACQUIRE) != expected;
            }
            if (!futexWaitSlice(expected, Math.min(remaining, SLICE_NANOS))) {
                return true;
            }
        }
    }

    /** FUTEX_WAKE for one sleeper; returns how many were woken (0 or 1). */
    public int wakeOne() {
        return Futex.wake(word, 1, shared);
    }

    /** FUTEX_WAKE for every sleeper; returns how many were woken. */
    public int wakeAll() {
        return Futex.wake(word, Integer.MAX_VALUE, shared);
    }

    /** The value read with {@code SEQ_CST}, unsigned, and whether the word is shared. */
    @Override
    public String toString() {
        return "FutexWord[" + Integer.toUnsignedString(load(Ordering.SEQ_CST))
                + (shared ? ", shared]" : ", private]");
    }

    /** One bounded sleep; true if it timed out with the value unchanged. */
    private boolean futexWaitSlice(int expected, long nanos) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        boolean timedOut = Futex.wait(word, expected, shared, nanos) == Futex.ETIMEDOUT;
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return timedOut && load(Ordering.ACQUIRE) == expected;
    }
}
