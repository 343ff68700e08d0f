package dev.atomicslocks.arc;

import dev.atomicslocks.basics.AtomicU32;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A strong handle of a shared value: the value stays alive while any strong handle is open,
 * and its drop action runs exactly once, in the thread that closes the last one. Every handle
 * is closed exactly once, so a try-with-resources block is the natural owner of a handle:
 *
 * <pre>{@code
 * Arc<Connection> shared = Arc.of(connection);     // the connection's close() is the drop
 * Arc<Connection> forWorker = shared.clone();      // a second handle, for another thread
 * executor.execute(() -> {
 *     try (forWorker) {
 *         forWorker.get().send(request);
 *     }
 * });
 * shared.close();                                  // whichever close is last closes it
 * }</pre>
 *
 * <p>Handles: {@link #clone()} opens another strong handle, {@link #downgrade()} a
 * {@link Weak} one, which does not keep the value alive and can be
 * {@linkplain Weak#upgrade() upgraded} back while a strong handle is open. {@link #getMut()}
 * gives exclusive access when this is the only handle of either kind.
 *
 * <p>The drop action is the one given to {@link #of(Object, Consumer)}; for {@link #of(Object)}
 * it is the value's own {@link AutoCloseable#close()} if the value is {@code AutoCloseable},
 * and nothing otherwise (the garbage collector reclaims the value). It runs in the thread that
 * closes the last strong handle, after every use of the value made through any handle before
 * that handle was closed. An exception it throws comes out of that {@link #close()}, after the
 * value has been dropped all the same (checked ones wrapped in a {@link DropFailedException}).
 *
 * <p>Blocking: {@link #awaitLastStrong()} waits until this handle is the only strong one, so
 * that a shutdown can let the other users finish and then take the value exclusively; it
 * comes uninterruptible (the interrupt status is kept, and it does not spin because of it),
 * interruptible, and with a {@link Duration} timeout. A waiting virtual thread unmounts. It
 * never returns early: a return means that the count was 1 at some moment since the call.
 *
 * <p>Misuse throws {@link IllegalStateException} naming it: using or closing a handle that was
 * already closed, or opening more than 2<sup>29</sup> - 1 strong handles (or 2<sup>30</sup> - 1
 * weak ones) of one value, refused before any count changes for good.
 *
 * <p>Leaks: a strong handle that becomes unreachable while still open keeps its value from
 * ever being dropped. When leak sampling is on, a sample of the handles (one in
 * {@link #leakSampling()}) record where they were created, and such a handle that leaks is
 * reported as a {@code WARNING} to the
 * {@link System.Logger} named {@code dev.atomicslocks.arc}, with that creation site as the
 * stack trace. The system property {@code dev.atomicslocks.arc.leakSampling} sets the initial
 * sampling, which is off unless set (see {@link #setLeakSampling(int)}).
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A handle may move between threads, as any object does (a queue, an executor, a
 *       thread's start), but is used by one thread at a time. Two threads that close the
 *       same handle at the same moment, or use it while another closes it, race on its own
 *       "closed" mark, which is a plain field so that a clone and a close cost what an
 *       atomic reference count costs; the misuse may go unseen. Give each thread its own
 *       clone.
 *   <li>Exclusive access is checked when {@link #getMut()} returns, not for as long as the
 *       caller uses the value: Java cannot stop the caller from cloning or downgrading this
 *       handle afterwards, nor from having kept the value from an earlier {@link #get()}.
 *   <li>The drop action runs only when the last strong handle is closed; a handle that is
 *       never closed keeps the value forever (and is only reported if it was sampled).
 *   <li>{@link #awaitLastStrong()} waits for every other strong handle to be closed, so two
 *       threads that each wait on a handle of the same value, without a timeout, wait for
 *       each other for ever, as two threads that join each other do.
 *   <li>Each handle is a small object: a clone allocates one, which the JIT removes when the
 *       clone does not escape the method that closes it.
 *   <li>{@link #downgrade()} spins while another thread's {@link #getMut()} holds the weak
 *       count for its check, as in the book: three instructions, unless that thread is
 *       descheduled in the middle of them.
 * </ul>
 *
 * @param <T> the type of the value
 */
public final class Arc<T> implements AutoCloseable {

    /*
     * A handle is the shared record (ArcData, which keeps the counts, the value and the
     * drop; its overview states the algorithm, the word layout and the orderings), the
     * record's strong word (so that clone and close touch only the word's cache line, not
     * the record's, which lies beside it and which other cores would otherwise keep
     * invalidating; arc.ArcBenchmark's contended case measures it), a mark of whether this
     * handle was closed, and, for sampled handles, a leak watch.
     *
     * The mark is a plain boolean: reading it costs nothing next to the count's locked
     * instruction, and it catches every misuse made by one thread or by threads that hand
     * the handle over properly. Making it atomic (a compare-exchange per close) would catch
     * two threads closing one handle at once too, for a second locked instruction per close;
     * the benchmarks module measures both (arc.ArcBenchmark).
     */

    private final ArcData<T> data;
    /** The record's strong word, kept here so that clone and close need not read the record. */
    private final AtomicU32 strong;
    private final @Nullable LeakWatch watch;
    /** Whether this handle was closed; read and written by the thread that uses it. */
    private boolean closed;

    private Arc(ArcData<T> data, AtomicU32 strong) {
        this.data = data;
        this.strong = strong;
        this.watch = LeakWatch.sample(this, data);
    }

    private Arc(ArcData<T> data) {
        this(data, data.strongWord());
    }

    /**
     * A first strong handle of {@code value}, whose drop action is the value's own
     * {@link AutoCloseable#close()} if it has one, and nothing otherwise.
     */
    public static <T> Arc<T> of(T value) {
        Objects.requireNonNull(value, "value");
        return new Arc<>(new ArcData<>(value, Arc::closeIfAutoCloseable, 1, 0));
    }

    /**
     * A first strong handle of {@code value}, whose drop action is {@code dropAction}, called
     * with the value (instead of the value's own {@code close()}, if it has one).
     */
    public static <T> Arc<T> of(T value, Consumer<? super T> dropAction) {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(dropAction, "dropAction");
        return new Arc<>(new ArcData<>(value, dropAction, 1, 0));
    }

    /**
     * For the overflow tests: a handle whose record claims {@code strongCount} strong
     * handles (this one included) and {@code weakCount} weak ones. The handles it counts
     * besides this one do not exist.
     */
    static <T> Arc<T> withCounts(T value, Consumer<? super T> dropAction, int strongCount,
            int weakCount) {
        return new Arc<>(new ArcData<>(value, dropAction, strongCount, weakCount));
    }

    /** A new strong handle of the record, whose count the caller has already raised. */
    static <T> Arc<T> adopt(ArcData<T> data) {
        return new Arc<>(data);
    }

    /**
     * The value.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public T get() {
        checkOpen("get the value of");
        return valueOrThrow();
    }

    /**
     * Opens another strong handle of the same value; it must be closed as well.
     *
     * @throws IllegalStateException if this handle was closed, or if the value already has
     *     the most strong handles it can have
     */
    @Override
    public Arc<T> clone() {
        checkOpen("clone");
        ArcData.acquireStrong(strong);
        return new Arc<>(data, strong);
    }

    /**
     * Opens a weak handle of the same value; it must be closed as well. Waits, spinning, while
     * another thread's {@link #getMut()} is checking uniqueness (a few instructions).
     *
     * @throws IllegalStateException if this handle was closed, or if the value already has
     *     the most weak handles it can have
     */
    public Weak<T> downgrade() {
        checkOpen("downgrade");
        data.acquireWeakFromStrong();
        return new Weak<>(data);
    }

    /**
     * The value, if this is its only handle, strong or weak; otherwise {@code null}. The book's
     * {@code get_mut}: every use of the value through handles closed before this call happens
     * before the return, so a caller that gets the value may use it without further locking,
     * as long as it shares neither the value nor this handle (see the limitations).
     *
     * @throws IllegalStateException if this handle was closed
     */
    public @Nullable T getMut() {
        checkOpen("get exclusive access through");
        return data.exclusiveValue();
    }

    /**
     * The number of open strong handles of the value, this one included; for monitoring, as
     * it may change at any moment.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public int strongCount() {
        checkOpen("count the handles of");
        return data.strongCount();
    }

    /**
     * The number of open weak handles of the value; for monitoring, as it may change at any
     * moment.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public int weakCount() {
        checkOpen("count the handles of");
        return data.weakCount();
    }

    /** Whether this handle was closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until this is the only open strong handle of the value. Not interruptible: an
     * interrupt leaves the thread waiting, and its status is still set when this returns.
     * Every use of the value through the handles closed meanwhile happens before the return.
     * Weak handles may upgrade again afterwards; {@link #getMut()} tells whether they did.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public void awaitLastStrong() {
        checkOpen("wait on");
        data.await(ArcData.Goal.LAST_STRONG);
    }

    /**
     * As {@link #awaitLastStrong()}, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared
     * @throws IllegalStateException if this handle was closed
     */
    public void awaitLastStrongInterruptibly() throws InterruptedException {
        checkOpen("wait on");
        data.awaitInterruptibly(ArcData.Goal.LAST_STRONG);
    }

    /**
     * As {@link #awaitLastStrong()}, for at most {@code timeout}. A zero or negative timeout
     * only checks; a timeout too long to represent in nanoseconds waits without limit.
     *
     * @return whether this became the only strong handle before the timeout elapsed
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared
     * @throws IllegalStateException if this handle was closed
     */
    public boolean awaitLastStrong(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        checkOpen("wait on");
        return data.awaitUntil(ArcData.Goal.LAST_STRONG, deadline(timeout));
    }

    /**
     * Closes this handle. If it was the last strong handle, the value's drop action runs in
     * this thread before this returns, and weak handles can no longer upgrade.
     *
     * @throws IllegalStateException if this handle was already closed
     * @throws DropFailedException if the drop action threw a checked exception (an unchecked
     *     one is thrown as it is); the value counts as dropped all the same
     */
    @Override
    public void close() {
        checkOpen("close");
        closed = true;
        LeakWatch leakWatch = watch;
        if (leakWatch != null) {
            try {
                leakWatch.closed();
            } finally {
                // Keeps this handle reachable until its watch is cleaned; see LeakWatch.
                Reference.reachabilityFence(this);
            }
        }
        ArcData.releaseStrong(strong, data);
    }

    /** {@code Arc[strong=2, weak=1]}, or {@code Arc[closed]}; the value is not shown. */
    @Override
    public String toString() {
        if (closed) {
            return "Arc[closed]";
        }
        return "Arc[strong=" + data.strongCount() + ", weak=" + data.weakCount() + "]";
    }

    /**
     * How leak reports are sampled: {@code 0} means none, {@code N} that one new strong
     * handle in N, picked at random, records where it was created and is watched. The
     * initial value comes from the system property {@code dev.atomicslocks.arc.leakSampling}
     * (an invalid one is reported and ignored), or is 0: off, since even rare sampling costs
     * a clone and close about a quarter more (see the package documentation).
     */
    public static int leakSampling() {
        return LeakWatch.sampling();
    }

    /**
     * Sets how leak reports are sampled, for handles opened from now on: {@code 0} turns them
     * off, {@code 1} watches every strong handle (for tests: each watched handle costs some
     * microseconds), {@code N} one handle in N.
     *
     * @throws IllegalArgumentException if {@code oneIn} is negative
     */
    public static void setLeakSampling(int oneIn) {
        LeakWatch.setSampling(oneIn);
    }

    static long deadline(Duration timeout) {
        // convert() saturates; a negative timeout is clamped to zero, since now +
        // Long.MIN_VALUE would wrap into the future. Deadlines are compared by subtraction.
        return System.nanoTime() + Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
    }

    private T valueOrThrow() {
        T value = data.value();
        if (value == null) {
            throw new IllegalStateException("cannot get the value of an Arc handle whose value"
                    + " was already dropped: a handle was closed by two threads at once");
        }
        return value;
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new IllegalStateException("cannot " + operation
                    + " an Arc handle that was already closed");
        }
    }

    private static void closeIfAutoCloseable(Object value) {
        if (value instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DropFailedException(value, e);
            } catch (Exception e) {
                throw new DropFailedException(value, e);
            }
        }
    }
}
