package dev.atomicslocks.channels.steps;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicBool;
import org.jspecify.annotations.Nullable;

/**
 * Step 2 of chapter 5: instead of a queue behind a lock, a channel for exactly one message,
 * a plain field and an atomic flag. The sender writes the message and then sets the flag; the
 * receiver, once {@link #isReady()} says so, reads the message. No lock, no waiting.
 *
 * <p>Unchecked, where the book's step is {@code unsafe}: the caller must send only once, and
 * receive only once and only after {@link #isReady()} returned {@code true}. Nothing checks
 * it. Where Rust would read uninitialised memory or drop a message twice, Java gives a wrong
 * result instead: a receive before the message arrived returns {@code null} (whatever
 * {@code T} promises), a second receive returns the same message again, and a second send
 * overwrites the first while the receiver may be reading it. {@link CheckedOneShot} checks
 * every one of these.
 *
 * @param <T> the type of the message
 */
public final class UncheckedOneShot<T extends @Nullable Object> {

    /*
     * The message is a plain field (the book's UnsafeCell<MaybeUninit<T>>); the flag is an
     * AtomicBool. send writes the field, then stores the flag with RELEASE; isReady loads it
     * with ACQUIRE. The two pair: a receiver that saw the flag set also sees the message, and
     * everything the sender wrote before sending it.
     */

    private @Nullable T message;
    private final AtomicBool ready = new AtomicBool(false);

    /** A channel with no message yet. */
    public UncheckedOneShot() {
    }

    /** Stores the message and marks it ready. Call it at most once. */
    public void send(T message) {
        this.message = message;
        // RELEASE: pairs with the ACQUIRE load in isReady, publishing the message.
        ready.store(true, RELEASE);
    }

    /** Whether the message has been sent; once true, {@link #receive()} may be called. */
    public boolean isReady() {
        // ACQUIRE: pairs with the RELEASE store in send.
        return ready.load(ACQUIRE);
    }

    /**
     * The message. Call it once, and only after {@link #isReady()} returned {@code true}:
     * called earlier it returns {@code null}, and called again the same message.
     */
    @SuppressWarnings("NullAway") // unchecked by design: before a send this is null, not a T
    public T receive() {
        return message;
    }
}
