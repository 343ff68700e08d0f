package dev.atomicslocks.channels;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A channel that any number of threads send messages into and any number of threads receive
 * them from, each message received exactly once. It is bounded (senders wait while it is
 * full), a rendezvous (capacity 0: each send waits for a receiver to take its message), or
 * unbounded:
 *
 * <pre>{@code
 * Channel<Job> jobs = Channel.bounded(1024);
 * // producers                          // consumers
 * jobs.send(job);                       for (Job job : jobs) {   // ends when closed and drained
 * ...                                       job.run();
 * jobs.close();                         }
 * }</pre>
 *
 * <p>Blocking. {@link #send} and {@link #receive()} wait without limit and are not
 * interruptible (an interrupt neither ends the wait nor makes it spin, and the status is still
 * set when they return); {@link #sendInterruptibly} and {@link #receiveInterruptibly()} throw
 * {@link InterruptedException}; {@link #trySend(Object, Duration)} and
 * {@link #tryReceive(Duration)} give up after a timeout; {@link #trySend(Object)} and
 * {@link #tryReceive()} never wait. A waiting thread sleeps (a virtual thread unmounts from its
 * carrier) after a short spin, and an operation that finds nobody asleep wakes nobody.
 *
 * <p>Closing. After {@link #close()}, every send throws {@link ChannelClosedException} and
 * does not send: the exception hands the message back
 * ({@link ChannelClosedException#unsentMessage()}), and a sender waiting for room at that
 * moment gets the exception too. Receivers first receive every message sent before the close,
 * and only then see the channel closed: the receive methods throw
 * {@link ChannelClosedException}, and the channel's iterator ends.
 *
 * <p>Order and visibility. Messages are received in the order in which their sends took
 * effect: a message whose send returned before another send began is received first.
 * Everything a thread did before sending a message happens before the receive that returns it.
 * Messages are never {@code null}: {@code null} is what the try forms return when they find
 * nothing.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A thread stopped (preempted) between claiming a slot and filling or emptying it holds
 *       up, for that moment, the one operation that needs that slot next, which spins and then
 *       yields until it can go on; so does every bounded array channel of this design.
 *   <li>Not fair: a thread that arrives while others sleep may go first.
 *   <li>A bounded channel allocates its whole ring up front: one small object of about 24
 *       bytes and one reference per slot, so a capacity of a million costs about 28 MB.
 *   <li>The unbounded channel allocates a segment of 256 slots for every 256 messages; a
 *       blocking wait allocates a small node in {@code os-wait}; the rendezvous channel
 *       allocates a node for every send or receive that has to wait, and guards its queues of
 *       waiting threads with a {@link java.util.concurrent.locks.ReentrantLock}.
 * </ul>
 *
 * @param <T> the type of the messages
 */
public abstract sealed class Channel<T> implements Iterable<T>
        permits QueueChannel, RendezvousChannel {

    /** What an internal receive returns when there is no message. */
    static final Marker EMPTY = new Marker("empty");
    /** What an internal receive returns when the channel is closed and has no message left. */
    static final Marker DRAINED = new Marker("drained");

    Channel() {
    }

    /**
     * A channel that holds at most {@code capacity} messages, or, for a capacity of 0, a
     * rendezvous: every send waits until a receiver takes its message.
     *
     * @throws IllegalArgumentException if {@code capacity} is negative or larger than
     *     {@code 1 << 30}
     */
    public static <T> Channel<T> bounded(int capacity) {
        if (capacity < 0 || capacity > ArrayChannel.MAX_CAPACITY) {
            throw new IllegalArgumentException("a channel's capacity must be between 0 and "
                    + ArrayChannel.MAX_CAPACITY + ", not " + capacity);
        }
        return capacity == 0 ? new RendezvousChannel<>() : new ArrayChannel<>(capacity);
    }

    /** A channel without a limit: a send never waits. */
    public static <T> Channel<T> unbounded() {
        return new LinkedChannel<>();
    }

    /**
     * Sends {@code message}, waiting while the channel is full (for a rendezvous: until a
     * receiver takes it). Not interruptible: an interrupt leaves the thread waiting, without
     * spinning, and its interrupt status is still set when this returns.
     *
     * @throws ChannelClosedException if the channel is closed, before or while waiting; the
     *     message was not sent
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public abstract void send(T message);

    /**
     * Sends {@code message}, waiting while the channel is full, unless the thread is
     * interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared, and the message was not sent
     * @throws ChannelClosedException if the channel is closed, before or while waiting; the
     *     message was not sent
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public abstract void sendInterruptibly(T message) throws InterruptedException;

    /**
     * Sends {@code message} if there is room at once (for a rendezvous: if a receiver is
     * waiting for it).
     *
     * @return {@code true} if it was sent, {@code false} if the channel was full
     * @throws ChannelClosedException if the channel is closed; the message was not sent
     * @throws NullPointerException if {@code message} is {@code null}
     */
    public abstract boolean trySend(T message);

    /**
     * Sends {@code message}, waiting at most {@code timeout} for room. A zero or negative
     * timeout tries once without waiting; a timeout too long to represent in nanoseconds waits
     * without limit.
     *
     * @return {@code true} if it was sent, {@code false} if the timeout elapsed first
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared, and the message was not sent
     * @throws ChannelClosedException if the channel is closed, before or while waiting; the
     *     message was not sent
     * @throws NullPointerException if {@code message} or {@code timeout} is {@code null}
     */
    public abstract boolean trySend(T message, Duration timeout) throws InterruptedException;

    /**
     * Takes the oldest message, waiting while there is none. Not interruptible: an interrupt
     * leaves the thread waiting, without spinning, and its interrupt status is still set when
     * this returns.
     *
     * @throws ChannelClosedException if the channel is closed and has no message left, before
     *     or while waiting
     */
    public abstract T receive();

    /**
     * Takes the oldest message, waiting while there is none, unless the thread is interrupted
     * first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared, and no message was taken
     * @throws ChannelClosedException if the channel is closed and has no message left, before
     *     or while waiting
     */
    public abstract T receiveInterruptibly() throws InterruptedException;

    /**
     * Takes the oldest message if there is one, without waiting (for a rendezvous: if a
     * sender is waiting to hand it over).
     *
     * @return the message, or {@code null} if there was none
     * @throws ChannelClosedException if the channel is closed and has no message left
     */
    public abstract @Nullable T tryReceive();

    /**
     * Takes the oldest message, waiting at most {@code timeout} for one. A zero or negative
     * timeout tries once without waiting; a timeout too long to represent in nanoseconds waits
     * without limit.
     *
     * @return the message, or {@code null} if the timeout elapsed first
     * @throws InterruptedException if the thread was interrupted before or while waiting; its
     *     interrupt status is then cleared, and no message was taken
     * @throws ChannelClosedException if the channel is closed and has no message left, before
     *     or while waiting
     * @throws NullPointerException if {@code timeout} is {@code null}
     */
    public abstract @Nullable T tryReceive(Duration timeout) throws InterruptedException;

    /**
     * Closes the channel: later sends throw {@link ChannelClosedException}, and senders and
     * receivers that wait wake up. Messages already sent stay to be received.
     *
     * @return {@code true} if this call closed the channel, {@code false} if it was closed
     *     already (closing twice is harmless)
     */
    public abstract boolean close();

    /** Whether the channel has been closed; it may still hold messages to receive. */
    public abstract boolean isClosed();

    /**
     * Waits, uninterruptibly, for the oldest message, or for the channel to be closed and
     * drained.
     *
     * @return the message, or {@code null} once the channel is closed and drained
     */
    abstract @Nullable T receiveUnlessDrained();

    /**
     * An iterator over the messages as they arrive, which ends once the channel is closed and
     * drained. Its {@code hasNext} waits, uninterruptibly, for a message or the end, and takes
     * the message it finds: that message is then this iterator's, to be returned by the next
     * {@code next}, and is lost to other receivers if the iterator is abandoned. Each
     * iterator belongs to one thread; several threads each with their own iterator share the
     * messages, each message going to one of them.
     */
    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private @Nullable T taken;

            @Override
            public boolean hasNext() {
                if (taken == null) {
                    taken = receiveUnlessDrained();
                }
                return taken != null;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("the channel is closed and drained");
                }
                T message = Objects.requireNonNull(taken);
                taken = null;
                return message;
            }
        };
    }

    /**
     * A result of an internal receive that is not a message, told apart by identity. No
     * instance escapes, and messages are never one.
     */
    static final class Marker {
        private final String name;

        Marker(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
