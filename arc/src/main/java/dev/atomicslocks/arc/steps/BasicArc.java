package dev.atomicslocks.arc.steps;

import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The first step of chapter 6, a basic reference count: every handle shares one record of a
 * count and the value, and the handle whose close takes the count to zero drops the value.
 * Closing a handle stands for Rust's drop of an {@code Arc}; the value's drop is its
 * {@code close()} if it is {@code AutoCloseable}. Where Rust then frees the allocation, Java's
 * garbage collector reclaims the record once no handle refers to it.
 *
 * <p>Unchecked, where Rust checks at compile time: a handle can be used after it was closed
 * (it then reads a value that may have been dropped), closed twice (which drops the value
 * while another handle still uses it), or cloned after {@link #getMut()} handed out the value
 * for exclusive use; Rust's ownership and borrowing rule out all three. Nor does Java check,
 * as Rust's {@code Send} and {@code Sync} do, that the value may be shared between threads.
 * {@link dev.atomicslocks.arc.Arc} checks the handles.
 *
 * @param <T> the type of the value
 */
public final class BasicArc<T> implements AutoCloseable {

    /*
     * The record: a count of handles and the value. clone adds 1 (RELAXED: the caller holds
     * a handle, so the value is alive and visible to it); close subtracts 1 with RELEASE, and
     * the thread that takes it from 1 to 0 issues an ACQUIRE fence before dropping, so that
     * every other handle's uses of the value happen before the drop. getMut reads the count
     * RELAXED and, when it is 1, fences with ACQUIRE for the same reason. A count past
     * u32::MAX / 2 is refused: Rust aborts the process there, this step throws instead.
     */

    private static final class Data<T> {
        final AtomicU32 refCount = new AtomicU32(1);
        final T value;

        Data(T value) {
            this.value = value;
        }
    }

    private final Data<T> data;

    /** A first handle of {@code value}. */
    public BasicArc(T value) {
        this(new Data<>(value));
    }

    private BasicArc(Data<T> data) {
        this.data = data;
    }

    /** The value. */
    public T get() {
        return data.value;
    }

    /** The value if this is its only handle, else {@code null}: the book's {@code get_mut}. */
    public @Nullable T getMut() {
        if (data.refCount.load(RELAXED) == 1) {
            // ACQUIRE: pairs with the RELEASE decrement of every handle closed before.
            VarHandle.acquireFence();
            return data.value;
        }
        return null;
    }

    /** Another handle of the same value. */
    @Override
    public BasicArc<T> clone() {
        // A negative int is past u32::MAX / 2, the book's limit.
        if (data.refCount.fetchAdd(1, RELAXED) < 0) {
            data.refCount.fetchSub(1, RELAXED);
            throw new IllegalStateException("too many handles of one BasicArc value");
        }
        return new BasicArc<>(data);
    }

    /** Closes this handle; the last one drops the value. */
    @Override
    public void close() {
        if (data.refCount.fetchSub(1, RELEASE) == 1) {
            // ACQUIRE: pairs with the RELEASE decrement of every other handle.
            VarHandle.acquireFence();
            Drops.drop(data.value);
        }
    }
}
