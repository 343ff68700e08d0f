package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import org.jspecify.annotations.Nullable;

/**
 * Step 3 of chapter 5, safety through runtime checks: the one-shot channel of
 * {@link UncheckedOneShot} with a second flag that marks the channel in use, so that a second
 * send, a receive before the message is there and a second receive each throw
 * {@link IllegalStateException} instead of giving a wrong result.
 *
 * @param <T> the type of the message
 */
public final class CheckedOneShot<T extends @Nullable Object> {

    /*
     * Two flags. inUse is swapped to true by the first send: a send that finds it already
     * true is the second one and throws, before touching the message. It is RELAXED, because
     * it guards only against a second send and publishes nothing; ready does the publishing.
     *
     * ready is stored with RELEASE by send after writing the message. receive swaps it back
     * to false with ACQUIRE: the swap both checks that a message is there (pairing with the
     * send's store, so the message is visible) and makes a second receive fail. isReady loads
     * it RELAXED, as the book does: it only says whether to call receive, whose ACQUIRE swap
     * does the synchronising.
     *
     * The book's Drop implementation drops a message that was sent but never received; in
     * Java the garbage collector takes care of it, so there is no counterpart.
     */

    private @Nullable T message;
    private final AtomicBool inUse = new AtomicBool(false);
    private final AtomicBool ready = new AtomicBool(false);

    /** A channel with no message yet. */
    public CheckedOneShot() {
    }

    /**
     * Stores the message and marks it ready.
     *
     * @throws IllegalStateException if a message was already sent on this channel
     */
    public void send(T message) {
        // RELAXED: only detects a second send; the ready flag publishes the message.
        if (inUse.swap(true, RELAXED)) {
            throw new IllegalStateException("cannot send more than one message on a one-shot"
                    + " channel");
        }
        this.message = message;
        // RELEASE: pairs with the ACQUIRE swap in receive.
        ready.store(true, RELEASE);
    }

    /** Whether a message is there to receive; a hint, as the receive itself checks again. */
    public boolean isReady() {
        // RELAXED: the ACQUIRE swap in receive is what makes the message visible.
        return ready.load(RELAXED);
    }

    /**
     * Takes the message.
     *
     * @throws IllegalStateException if no message has arrived yet, or it was already received
     */
    @SuppressWarnings("NullAway") // the swap just proved that send stored a T here
    public T receive() {
        // ACQUIRE: pairs with the RELEASE store in send; resetting the flag fails a 2nd call.
        if (!ready.swap(false, ACQUIRE)) {
            throw new IllegalStateException("no message available: not sent yet, or already"
                    + " received");
        }
        T received = message;
        // The channel keeps no reference to a message it has handed out.
        message = null;
        return received;
    }
}
