package dev.atomicslocks.channels;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** How a blocking operation waits: the three forms every blocking method here comes in. */
enum WaitMode {
    /** Without limit; an interrupt neither ends the wait nor makes it spin. */
    UNINTERRUPTIBLE,
    /** Without limit, until interrupted. */
    INTERRUPTIBLE,
    /** Until a deadline on the {@link System#nanoTime()} clock, or until interrupted. */
    TIMED;

    /**
     * Sleeps while {@code word} holds {@code expected}, in this mode. May return spuriously;
     * callers look again in a loop.
     *
     * @param deadline the {@code System.nanoTime()} deadline; read only by {@link #TIMED}
     * @return {@code false} if the deadline has passed, else {@code true}
     * @throws InterruptedException if interruptible and the thread was interrupted before or
     *     while sleeping; never for {@link #UNINTERRUPTIBLE}
     */
    boolean sleep(AtomicU32 word, int expected, long deadline) throws InterruptedException {
        switch (this) {
            case UNINTERRUPTIBLE -> AtomicWait.wait(word, expected);
            case INTERRUPTIBLE -> AtomicWait.waitInterruptibly(word, expected);
            case TIMED -> {
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
                return AtomicWait.waitUntil(word, expected, deadline);
            }
        }
        return true;
    }

    /**
     * The deadline {@code timeout} from now. A negative timeout counts as zero, since now +
     * {@code Long.MIN_VALUE} would wrap into the future; a huge one saturates (about 292
     * years). Deadlines are compared by subtraction, so a wrapped sum still works.
     */
    static long deadlineAfter(Duration timeout) {
        // convert() saturates where Duration.toNanos() would throw.
        return System.nanoTime() + Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
    }

    /** Whether {@code timeout} is zero or negative, so that a try form must not wait. */
    static boolean isNone(Duration timeout) {
        return timeout.isZero() || timeout.isNegative();
    }
}
