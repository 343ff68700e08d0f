package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Step 6 of chapter 5, blocking: the channel of {@link BorrowedOneShot}, but the receiver no
 * longer polls {@code isReady}. {@link Receiver#receive()} parks until the message is there,
 * and {@link Sender#send} unparks the receiving thread, which {@link #split()} records: the
 * thread that splits is the one that receives.
 *
 * <p>What Java cannot check. Rust makes the receiver impossible to move to another thread
 * (a {@code PhantomData<*const ()>} field makes it {@code !Send}), because the sender wakes
 * only the thread that split. Java cannot forbid it: a receiver handed to another thread parks
 * there, and the sender unparks the wrong thread, so the receive hangs. And, as in
 * {@link BorrowedOneShot}, the ends must not be used after the next split, nor twice.
 *
 * @param <T> the type of the message
 */
public final class BlockingOneShot<T extends @Nullable Object> {

    /*
     * BorrowedOneShot's slot and flag. split also stores the current thread in the sender.
     * send writes the message, stores ready with RELEASE and unparks that thread. receive
     * swaps ready to false with ACQUIRE (pairing with the store) and parks while it was not
     * yet set. No wake-up is lost: an unpark that comes before the park leaves a permit that
     * makes the park return at once, and park may also return spuriously, which the loop
     * absorbs.
     *
     * One difference from Rust: LockSupport.park returns at once while the thread's interrupt
     * status is set, where Rust's park ignores interrupts. So that an interrupt neither ends
     * the wait nor turns it into a busy loop, receive clears the status while it waits and
     * sets it again before returning.
     */

    private @Nullable T message;
    private final AtomicBool ready = new AtomicBool(false);
    private final Sender<T> sender = new Sender<>(this);
    private final Ends<T> ends = new Ends<>(sender, new Receiver<>(this));

    /** A channel with no message; call {@link #split()} on the receiving thread to use it. */
    public BlockingOneShot() {
    }

    /**
     * Resets the channel and returns its two ends, the same objects every time; the calling
     * thread becomes the one that receives. The ends of the previous split must no longer be
     * in use.
     */
    public Ends<T> split() {
        message = null;
        // RELAXED: the hand-off of the sender to its thread orders this reset before it.
        ready.store(false, RELAXED);
        sender.receivingThread = Thread.currentThread();
        return ends;
    }

    /**
     * The two ends of the channel, as {@code split()} returns them.
     *
     * @param sender the end that sends the message, from any thread
     * @param receiver the end that receives it, on the thread that split
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
        private final BlockingOneShot<T> channel;
        /** The thread that split; set by split before this end is handed out. */
        private @Nullable Thread receivingThread;

        private Sender(BlockingOneShot<T> channel) {
            this.channel = channel;
        }

        /** Stores the message, marks it ready and wakes the receiving thread. Call it once. */
        public void send(T message) {
            channel.message = message;
            // RELEASE: pairs with the ACQUIRE swap in Receiver.receive.
            channel.ready.store(true, RELEASE);
            LockSupport.unpark(receivingThread);
        }
    }

    /**
     * The receiving end, for the thread that split only; valid until the next split.
     *
     * @param <T> the type of the message
     */
    public static final class Receiver<T extends @Nullable Object> {
        private final BlockingOneShot<T> channel;

        private Receiver(BlockingOneShot<T> channel) {
            this.channel = channel;
        }

        /**
         * Parks until the message is there and takes it. Not interruptible: an interrupt
         * leaves the thread waiting, and its interrupt status is still set when this returns.
         */
        @SuppressWarnings("NullAway") // the swap just proved that send stored a T here
        public T receive() {
            boolean interrupted = false;
            // ACQUIRE: pairs with the RELEASE store in Sender.send.
            while (!channel.ready.swap(false, ACQUIRE)) {
                LockSupport.park(channel);
                // Park returns at once while the status is set: clear it, restore it below.
                interrupted |= Thread.interrupted();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            T received = channel.message;
            channel.message = null;
            return received;
        }
    }
}
