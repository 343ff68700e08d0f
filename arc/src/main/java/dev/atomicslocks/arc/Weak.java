package dev.atomicslocks.arc;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A weak handle of a value shared through {@link Arc}: it does not keep the value alive, but
 * can be {@linkplain #upgrade() upgraded} to a strong handle while any strong handle is open.
 * Weak handles come from {@link Arc#downgrade()} and {@link #clone()}, and each is closed
 * exactly once:
 *
 * <pre>{@code
 * try (Weak<Cache> weak = cache.downgrade()) {
 *     try (Arc<Cache> strong = weak.upgrade()) {   // null once the cache was dropped
 *         if (strong != null) {
 *             strong.get().refresh();
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Once the last strong handle is closed, {@link #upgrade()} returns {@code null} for ever;
 * it never returns a handle of a value whose drop has begun.
 *
 * <p>Blocking: {@link #awaitDrop()} waits until the value's drop action has finished,
 * uninterruptibly (the interrupt status is kept, without spinning), interruptibly, or with a
 * {@link Duration} timeout. A waiting virtual thread unmounts. It never returns early.
 *
 * <p>Misuse throws {@link IllegalStateException} naming it: using or closing a handle that was
 * already closed, opening too many handles of one value, or waiting for the drop from within
 * the drop action itself. A weak handle is used by one thread at a time, as {@link Arc}'s
 * limitations describe.
 *
 * <p>Leaked weak handles are not reported: they hold no value, only the record of its counts,
 * which the garbage collector reclaims. But a weak handle that is never closed keeps
 * {@link Arc#getMut()} from ever succeeding again, since it could still be upgraded.
 *
 * @param <T> the type of the value
 */
public final class Weak<T> implements AutoCloseable {

    /*
     * As Arc: the shared record (ArcData has the algorithm) and this handle's plain "closed"
     * mark.
     */

    private final ArcData<T> data;
    /** Whether this handle was closed; read and written by the thread that uses it. */
    private boolean closed;

    Weak(ArcData<T> data) {
        this.data = data;
    }

    /**
     * A new strong handle of the value if a strong handle is still open, or {@code null} if
     * the value was dropped (or is being dropped). The new handle must be closed.
     *
     * @throws IllegalStateException if this handle was closed, or if the value already has
     *     the most strong handles it can have
     */
    public @Nullable Arc<T> upgrade() {
        checkOpen("upgrade");
        if (!data.tryAcquireStrong()) {
            return null;
        }
        return Arc.adopt(data);
    }

    /**
     * Opens another weak handle of the same value; it must be closed as well.
     *
     * @throws IllegalStateException if this handle was closed, or if the value already has
     *     the most weak handles it can have
     */
    @Override
    public Weak<T> clone() {
        checkOpen("clone");
        data.acquireWeak();
        return new Weak<>(data);
    }

    /**
     * The number of open strong handles of the value: 0 once the last was closed.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public int strongCount() {
        checkOpen("count the handles of");
        return data.strongCount();
    }

    /**
     * The number of open weak handles of the value, this one included; for monitoring, as
     * it may change at any moment.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public int weakCount() {
        checkOpen("count the handles of");
        return data.weakCount();
    }

    /**
     * Whether the value's drop action has finished. Its effects are visible to the caller
     * once this returns {@code true}.
     *
     * @throws IllegalStateException if this handle was closed
     */
    public boolean isDropped() {
        checkOpen("ask about");
        return data.isDropped();
    }

    /** Whether this handle was closed. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits until the value's drop action has finished (normally or by throwing). Not
     * interruptible: an interrupt leaves the thread waiting, and its status is still set when
     * this returns. The drop's effects are visible to the caller once this returns.
     *
     * @throws IllegalStateException if this handle was closed, or if the calling thread is
     *     running the value's drop action, whose end it would wait for for ever
     */
    public void awaitDrop() {
        checkOpen("wait on");
        data.await(ArcData.Goal.DROPPED);
    }

    /**
     * As {@link #awaitDrop()}, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared
     * @throws IllegalStateException as for {@link #awaitDrop()}
     */
    public void awaitDropInterruptibly() throws InterruptedException {
        checkOpen("wait on");
        data.awaitInterruptibly(ArcData.Goal.DROPPED);
    }

    /**
     * As {@link #awaitDrop()}, for at most {@code timeout}. A zero or negative timeout only
     * checks; a timeout too long to represent in nanoseconds waits without limit.
     *
     * @return whether the drop had finished before the timeout elapsed
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared
     * @throws IllegalStateException as for {@link #awaitDrop()}
     */
    public boolean awaitDrop(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        checkOpen("wait on");
        return data.awaitUntil(ArcData.Goal.DROPPED, Arc.deadline(timeout));
    }

    /**
     * Closes this handle. It never drops the value, which only strong handles keep alive.
     *
     * @throws IllegalStateException if this handle was already closed
     */
    @Override
    public void close() {
        checkOpen("close");
        closed = true;
        data.releaseWeak();
    }

    /** {@code Weak[strong=1, weak=2]}, or {@code Weak[closed]}; the value is not shown. */
    @Override
    public String toString() {
        if (closed) {
            return "Weak[closed]";
        }
        return "Weak[strong=" + data.strongCount() + ", weak=" + data.weakCount() + "]";
    }

    private void checkOpen(String operation) {
        if (closed) {
            throw new IllegalStateException("cannot " + operation
                    + " a Weak handle that was already closed");
        }
    }
}
