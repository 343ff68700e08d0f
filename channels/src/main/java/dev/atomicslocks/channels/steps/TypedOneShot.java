package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import org.jspecify.annotations.Nullable;

/**
 * Step 4 of chapter 5, safety through types: the one-shot channel is created as two ends, a
 * {@link Sender} that can only send and a {@link Receiver} that can only receive, sharing one
 * message slot and one ready flag. The in-use flag of {@link CheckedOneShot} is gone: in Rust
 * sending consumes the sender, so a second send cannot even be written.
 *
 * <p>What Java cannot check. Rust's {@code send(self)} and {@code receive(self)} take the end
 * by value, so after one call the end no longer exists. A Java method cannot consume the
 * object it is called on: a second {@code send} on the same sender compiles, overwrites the
 * message and marks it ready again, and a receiver may then receive twice. The roles stay
 * apart (a sender has no receive), and receiving before the message arrived still throws, as
 * in the book. Rust also demands that the message type may move between threads
 * ({@code T: Send}); Java has no such bound, and publishing through the channel makes any
 * object visible to the receiver. {@link dev.atomicslocks.channels.OneShot} checks every use.
 */
public final class TypedOneShot {

    /*
     * The state of CheckedOneShot without inUse, in an object that both ends point to (the
     * book's Arc<Channel<T>>; the garbage collector replaces the reference count). send
     * writes the message and stores ready with RELEASE; receive swaps ready to false with
     * ACQUIRE, pairing with it; isReady is a RELAXED hint.
     */

    private TypedOneShot() {
    }

    /** A new one-shot channel: its two ends, which share nothing with any other channel. */
    public static <T extends @Nullable Object> Ends<T> channel() {
        Shared<T> shared = new Shared<>();
        return new Ends<>(new Sender<>(shared), new Receiver<>(shared));
    }

    /**
     * The two ends of one channel, as {@code channel()} returns them.
     *
     * @param sender the end that sends the message
     * @param receiver the end that receives it
     * @param <T> the type of the message
     */
    public record Ends<T extends @Nullable Object>(Sender<T> sender, Receiver<T> receiver) {
    }

    /**
     * The sending end. Meant to be used once; Java does not stop a second use.
     *
     * @param <T> the type of the message
     */
    public static final class Sender<T extends @Nullable Object> {
        private final Shared<T> channel;

        private Sender(Shared<T> channel) {
            this.channel = channel;
        }

        /** Stores the message and marks it ready. Call it once. */
        public void send(T message) {
            channel.message = message;
            // RELEASE: pairs with the ACQUIRE swap in Receiver.receive.
            channel.ready.store(true, RELEASE);
        }
    }

    /**
     * The receiving end. Meant to be used once; Java does not stop a second use.
     *
     * @param <T> the type of the message
     */
    public static final class Receiver<T extends @Nullable Object> {
        private final Shared<T> channel;

        private Receiver(Shared<T> channel) {
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

    /** What both ends share: the message slot and the flag that publishes it. */
    private static final class Shared<T extends @Nullable Object> {
        @Nullable T message;
        final AtomicBool ready = new AtomicBool(false);
    }
}
