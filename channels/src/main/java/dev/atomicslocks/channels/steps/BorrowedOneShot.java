package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import org.jspecify.annotations.Nullable;

/**
 * Step 5 of chapter 5, borrowing to avoid allocation: instead of allocating a shared object
 * for every message as {@link TypedOneShot} does, the caller owns one channel and
 * {@link #split()}s it into a sender and a receiver each time it needs one. Splitting resets
 * the channel and hands out the same two ends again, so nothing is allocated per message.
 *
 * <p>What Java cannot check. In Rust, {@code split} borrows the channel exclusively
 * ({@code &mut self}) and the two ends carry that borrow's lifetime: they cannot outlive it,
 * the channel cannot be split again while they exist, and nobody else can touch it meanwhile.
 * Java has no lifetimes. The ends of an earlier split are the very objects a later split
 * returns and keep working; splitting again while a message is in flight discards it under
 * the receiver's feet. The caller must finish with both ends before splitting again. As in
 * {@link TypedOneShot}, a second send or receive on the same ends is not prevented.
 *
 * @param <T> the type of the message
 */
public final class BorrowedOneShot<T extends @Nullable Object> {

    /*
     * The slot and the flag of TypedOneShot, held by the channel itself; the ends point back
     * to it, as the book's ends hold a reference &'a Channel<T>. split clears both with plain
     * and RELAXED writes: the caller hands the ends to other threads afterwards, and that
     * hand-off (a thread start, a queue) orders the reset before their use. send stores ready
     * with RELEASE and receive swaps it with ACQUIRE, pairing with it.
     */

    private @Nullable T message;
    private final AtomicBool ready = new AtomicBool(false);
    private final Ends<T> ends = new Ends<>(new Sender<>(this), new Receiver<>(this));

    /** A channel with no message; call {@link #split()} to use it. */
    public BorrowedOneShot() {
    }

    /**
     * Resets the channel and returns its two ends, the same objects every time. The ends of
     * the previous split must no longer be in use.
     */
    public Ends<T> split() {
        message = null;
        // RELAXED: the hand-off of the ends to their threads orders this reset before them.
        ready.store(false, RELAXED);
        return ends;
    }

    /**
     * The two ends of the channel, as {@code split()} returns them.
     *
     * @param sender the end that sends the message
     * @param receiver the end that receives it
     * @param <T> the type of the message
     */
    public record Ends<T extends @Nullable Object>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end, valid until the next split.
     *
     * @param <T> the type of the message
     */
    public static final class Sender<T extends @Nullable Object> {
        private final BorrowedOneShot<T> channel;

        private Sender(BorrowedOneShot<T> channel) {
            this.channel = channel;
        }

        /** Stores the message and marks it ready. Call it once per split. */
        public void send(T message) {
            channel.message = message;
            // RELEASE: pairs with the ACQUIRE swap in Receiver.receive.
            channel.ready.store(true, RELEASE);
        }
    }

    /**
     * The receiving end, valid until the next split.
     *
     * @param <T> the type of the message
     */
    public static final class Receiver<T extends @Nullable Object> {
        private final BorrowedOneShot<T> channel;

        private Receiver(BorrowedOneShot<T> channel) {
            this.channel = channel;
        }

        /** Whether the message is there; a hint, as the receive itself checks again. */
        public boolean isReady() {
            // RELAXED: the ACQUIRE swap in receive does the synchronising.
            return channel.ready.load(RELAXED);
        }

        /**
         * Takes the message.
         *
         * @throws IllegalStateException if no message is there (not sent yet, or received)
         */
        @SuppressWarnings("NullAway") // the swap just proved that send stored a T here
        public T receive() {
            // ACQUIRE: pairs with the RELEASE store in Sender.send.
            if (!channel.ready.swap(false, ACQUIRE)) {
                throw new IllegalStateException("no message available");
            }
            T received = channel.message;
            channel.message = null;
            return received;
        }
    }
}
