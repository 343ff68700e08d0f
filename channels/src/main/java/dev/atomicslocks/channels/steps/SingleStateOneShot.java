package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of chapter 5 again, with one atomic instead of two: the checks of
 * {@link CheckedOneShot}, but the two flags become a single state that moves from empty
 * through writing and ready to reading, and each send or receive is one compare-exchange.
 *
 * @param <T> the type of the message
 */
public final class SingleStateOneShot<T extends @Nullable Object> {

    /*
     * State (one AtomicU32; the book uses an AtomicU8):
     *   EMPTY   (0)  nothing sent yet
     *   WRITING (1)  a sender has claimed the channel and is writing the message
     *   READY   (2)  the message is there
     *   READING (3)  a receiver has taken it; final
     *
     * send moves EMPTY to WRITING with a RELAXED compare-exchange (it claims the slot and
     * publishes nothing), writes the message and stores READY with RELEASE. receive moves
     * READY to READING with an ACQUIRE compare-exchange, pairing with that store. Every other
     * state makes the operation throw: a second send finds WRITING or later; a receive finds
     * EMPTY or WRITING (nothing to take yet) or READING (already taken).
     */

    private static final int EMPTY = 0;
    private static final int WRITING = 1;
    private static final int READY = 2;
    private static final int READING = 3;

    private @Nullable T message;
    private final AtomicU32 state = new AtomicU32(EMPTY);

    /** A channel with no message yet. */
    public SingleStateOneShot() {
    }

    /**
     * Stores the message and marks it ready.
     *
     * @throws IllegalStateException if a message was already sent on this channel
     */
    public void send(T message) {
        // RELAXED: claims the slot; the RELEASE store below publishes what is written into it.
        if (state.compareExchange(EMPTY, WRITING, RELAXED, RELAXED) != EMPTY) {
            throw new IllegalStateException("cannot send more than one message on a one-shot"
                    + " channel");
        }
        this.message = message;
        // RELEASE: pairs with the ACQUIRE compare-exchange in receive.
        state.store(READY, RELEASE);
    }

    /** Whether a message is there to receive; a hint, as the receive itself checks again. */
    public boolean isReady() {
        // RELAXED: the ACQUIRE compare-exchange in receive does the synchronising.
        return state.load(RELAXED) == READY;
    }

    /**
     * Takes the message.
     *
     * @throws IllegalStateException if no message has arrived yet, or it was already received
     */
    @SuppressWarnings("NullAway") // the state READY proves that send stored a T here
    public T receive() {
        // ACQUIRE: pairs with the RELEASE store of READY in send.
        if (state.compareExchange(READY, READING, ACQUIRE, RELAXED) != READY) {
            throw new IllegalStateException("no message available: not sent yet, or already"
                    + " received");
        }
        T received = message;
        message = null;
        return received;
    }
}
