package dev.atomicslocks.arc.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The third step of chapter 6, optimised: all strong handles together hold one implicit weak
 * count, so a strong clone or close touches only the strong count, and {@link #getMut()} locks
 * the weak count for the instant of its check, so that no weak handle can be upgraded and
 * closed unseen while it looks at the strong count. This is the step that
 * {@link dev.atomicslocks.arc.Arc} grows from.
 *
 * <p>Unchecked, as {@link BasicArc} is: a handle of either kind can be used after it was
 * closed or closed twice, and the value handed out by {@link #getMut()} stays in the caller's
 * hands after it clones or downgrades the handle. Rust rules all of these out at compile
 * time. {@link dev.atomicslocks.arc.Arc} and {@link dev.atomicslocks.arc.Weak} check them.
 *
 * @param <T> the type of the value
 */
public final class OptimizedArc<T> implements AutoCloseable {

    /*
     * The record: dataRefCount counts strong handles; allocRefCount counts weak handles plus
     * one while any strong handle exists, or is LOCKED (u32::MAX) while getMut checks.
     *
     * getMut: a compare-exchange of allocRefCount from 1 (no weak handle) to LOCKED, ACQUIRE
     * to pair with the RELEASE decrement of a weak handle's close, so that an upgrade made by
     * that handle before it closed shows in the strong count; then a RELAXED read of the
     * strong count; then a RELEASE store of 1, pairing with the ACQUIRE compare-exchange in
     * downgrade, which waits while the count is LOCKED. Only if the strong count was 1 does it
     * fence with ACQUIRE (pairing with strong closes) and hand out the value.
     *
     * The last strong close drops the value and then releases the implicit weak count.
     */

    /** allocRefCount while getMut checks uniqueness: u32::MAX. */
    private static final int LOCKED = -1;

    private static final class Data<T> {
        /** Number of strong handles. */
        final AtomicU32 dataRefCount = new AtomicU32(1);
        /** Number of weak handles, plus one if any strong handle exists; or LOCKED. */
        final AtomicU32 allocRefCount = new AtomicU32(1);
        /** The value; null once dropped. */
        @Nullable T value;

        Data(T value) {
            this.value = value;
        }
    }

    private final Data<T> data;

    /** A first strong handle of {@code value}. */
    public OptimizedArc(T value) {
        this(new Data<>(value));
    }

    private OptimizedArc(Data<T> data) {
        this.data = data;
    }

    /** The value. A closed handle may find it dropped: then this throws. */
    public T get() {
        T value = data.value;
        if (value == null) {
            throw new IllegalStateException("the value was dropped: this handle was closed");
        }
        return value;
    }

    /** The value if this is its only handle of either kind, else {@code null}. */
    public @Nullable T getMut() {
        if (data.allocRefCount.compareExchange(1, LOCKED, ACQUIRE, RELAXED) != 1) {
            return null;
        }
        boolean unique = data.dataRefCount.load(RELAXED) == 1;
        data.allocRefCount.store(1, RELEASE);
        if (!unique) {
            return null;
        }
        // ACQUIRE: pairs with the RELEASE decrement of every strong handle closed before.
        VarHandle.acquireFence();
        return data.value;
    }

    /** A weak handle of the same value; waits out a concurrent {@link #getMut()} check. */
    public Weak<T> downgrade() {
        int n = data.allocRefCount.load(RELAXED);
        while (true) {
            if (n == LOCKED) {
                Atomics.spinLoop();
                n = data.allocRefCount.load(RELAXED);
                continue;
            }
            if (n < 0) {
                throw new IllegalStateException("too many handles of one OptimizedArc value");
            }
            // ACQUIRE: pairs with getMut's RELEASE store.
            int witness = data.allocRefCount.compareExchange(n, n + 1, ACQUIRE, RELAXED);
            if (witness == n) {
                return new Weak<>(data);
            }
            n = witness;
        }
    }

    /** Another strong handle of the same value. */
    @Override
    public OptimizedArc<T> clone() {
        if (data.dataRefCount.fetchAdd(1, RELAXED) < 0) {
            data.dataRefCount.fetchSub(1, RELAXED);
            throw new IllegalStateException("too many handles of one OptimizedArc value");
        }
        return new OptimizedArc<>(data);
    }

    /** Closes this handle; the last strong one drops the value and the implicit weak count. */
    @Override
    public void close() {
        if (data.dataRefCount.fetchSub(1, RELEASE) == 1) {
            // ACQUIRE: pairs with the RELEASE decrement of every other strong handle.
            VarHandle.acquireFence();
            T value = data.value;
            data.value = null;
            try {
                if (value != null) {
                    Drops.drop(value);
                }
            } finally {
                // The implicit weak count of all the strong handles.
                new Weak<>(data).close();
            }
        }
    }

    /**
     * A weak handle: it keeps the record but not the value, and can be upgraded while a
     * strong handle exists.
     *
     * @param <T> the type of the value
     */
    public static final class Weak<T> implements AutoCloseable {
        private final Data<T> data;

        private Weak(Data<T> data) {
            this.data = data;
        }

        /** A new strong handle, or {@code null} if the value was dropped. */
        public @Nullable OptimizedArc<T> upgrade() {
            int n = data.dataRefCount.load(RELAXED);
            while (true) {
                if (n == 0) {
                    return null;
                }
                if (n < 0) {
                    throw new IllegalStateException("too many handles of one OptimizedArc value");
                }
                int witness = data.dataRefCount.compareExchange(n, n + 1, RELAXED, RELAXED);
                if (witness == n) {
                    return new OptimizedArc<>(data);
                }
                n = witness;
            }
        }

        /** Another weak handle of the same value. */
        @Override
        public Weak<T> clone() {
            if (data.allocRefCount.fetchAdd(1, RELAXED) < 0) {
                data.allocRefCount.fetchSub(1, RELAXED);
                throw new IllegalStateException("too many handles of one OptimizedArc value");
            }
            return new Weak<>(data);
        }

        /** Closes this handle. The last handle of either kind would free the record in Rust. */
        @Override
        public void close() {
            // RELEASE, pairing with getMut's ACQUIRE compare-exchange; nothing to do at 0.
            data.allocRefCount.fetchSub(1, RELEASE);
        }
    }
}
