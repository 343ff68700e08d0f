package dev.atomicslocks.arc.steps;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The second step of chapter 6, weak pointers: the record now keeps two counts, one of
 * strong handles (the value is dropped when it reaches zero) and one of all handles, strong
 * and {@link Weak} (Rust frees the allocation when it reaches zero; here the garbage collector
 * does, so that event has no action). A strong handle is a weak handle plus a strong count,
 * so cloning it raises both counts, and a weak handle can be upgraded while the strong count
 * is above zero.
 *
 * <p>Unchecked, as {@link BasicArc} is: a handle of either kind can be used after it was
 * closed or closed twice, and the value handed out by {@link #getMut()} stays in the caller's
 * hands after it clones or downgrades the handle. Rust rules all of these out at compile
 * time. {@link dev.atomicslocks.arc.Arc} and {@link dev.atomicslocks.arc.Weak} check them.
 *
 * @param <T> the type of the value
 */
public final class WeakArc<T> implements AutoCloseable {

    /*
     * The record: dataRefCount counts strong handles; allocRefCount counts strong and weak
     * handles together; value is null once dropped. Increments are RELAXED (the caller holds
     * a handle); decrements are RELEASE, and the thread that takes a count to 0 fences with
     * ACQUIRE before it acts, so that every other handle's uses happen before. upgrade raises
     * dataRefCount with a compare-exchange loop that refuses at 0, so a dropped value is
     * never revived. getMut asks that allocRefCount be 1: one handle of any kind, this one.
     * Its cost: every strong clone and close touches both counts.
     */

    private static final class Data<T> {
        /** Number of strong handles. */
        final AtomicU32 dataRefCount = new AtomicU32(1);
        /** Number of strong and weak handles together. */
        final AtomicU32 allocRefCount = new AtomicU32(1);
        /** The value; null once only weak handles are left. */
        @Nullable T value;

        Data(T value) {
            this.value = value;
        }
    }

    private final Weak<T> weak;

    /** A first strong handle of {@code value}. */
    public WeakArc(T value) {
        this(new Weak<>(new Data<>(value)));
    }

    private WeakArc(Weak<T> weak) {
        this.weak = weak;
    }

    /** The value. A closed handle may find it dropped: then this throws. */
    public T get() {
        T value = weak.data.value;
        if (value == null) {
            throw new IllegalStateException("the value was dropped: this handle was closed");
        }
        return value;
    }

    /** The value if this is its only handle of either kind, else {@code null}. */
    public @Nullable T getMut() {
        if (weak.data.allocRefCount.load(RELAXED) == 1) {
            // ACQUIRE: pairs with the RELEASE decrement of every handle closed before.
            VarHandle.acquireFence();
            return weak.data.value;
        }
        return null;
    }

    /** A weak handle of the same value. */
    public Weak<T> downgrade() {
        return weak.clone();
    }

    /** Another strong handle of the same value. */
    @Override
    public WeakArc<T> clone() {
        Weak<T> second = weak.clone();
        if (weak.data.dataRefCount.fetchAdd(1, RELAXED) < 0) {
            weak.data.dataRefCount.fetchSub(1, RELAXED);
            second.close();
            throw new IllegalStateException("too many handles of one WeakArc value");
        }
        return new WeakArc<>(second);
    }

    /** Closes this handle; the last strong one drops the value. */
    @Override
    public void close() {
        if (weak.data.dataRefCount.fetchSub(1, RELEASE) == 1) {
            // ACQUIRE: pairs with the RELEASE decrement of every other strong handle.
            VarHandle.acquireFence();
            T value = weak.data.value;
            weak.data.value = null;
            if (value != null) {
                Drops.drop(value);
            }
        }
        weak.close();
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
        public @Nullable WeakArc<T> upgrade() {
            int n = data.dataRefCount.load(RELAXED);
            while (true) {
                if (n == 0) {
                    return null;
                }
                if (n < 0) {
                    throw new IllegalStateException("too many handles of one WeakArc value");
                }
                int witness = data.dataRefCount.compareExchange(n, n + 1, RELAXED, RELAXED);
                if (witness == n) {
                    return new WeakArc<>(clone());
                }
                n = witness;
            }
        }

        /** Another weak handle of the same value. */
        @Override
        public Weak<T> clone() {
            if (data.allocRefCount.fetchAdd(1, RELAXED) < 0) {
                data.allocRefCount.fetchSub(1, RELAXED);
                throw new IllegalStateException("too many handles of one WeakArc value");
            }
            return new Weak<>(data);
        }

        /** Closes this handle. The last handle of either kind would free the record in Rust. */
        @Override
        public void close() {
            // RELEASE, and nothing to do at 0: the garbage collector frees the record.
            data.allocRefCount.fetchSub(1, RELEASE);
        }
    }
}
