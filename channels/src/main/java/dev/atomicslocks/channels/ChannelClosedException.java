package dev.atomicslocks.channels;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link Channel} operation that cannot proceed because the channel is closed: a
 * send on a closed channel, which hands the message back through {@link #unsentMessage()}, or
 * a receive on a channel that is closed and has no message left.
 */
public final class ChannelClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** The message a send could not deliver; not serialized, since it need not be. */
    private final transient @Nullable Object unsent;

    private ChannelClosedException(String message, @Nullable Object unsent) {
        super(message);
        this.unsent = unsent;
    }

    /** What a send on a closed channel throws: {@code message} was not sent. */
    static ChannelClosedException onSend(Object message) {
        return new ChannelClosedException(
                "cannot send on a closed channel: the message was not sent", message);
    }

    /** What a receive throws once the channel is closed and every message was received. */
    static ChannelClosedException onReceive() {
        return new ChannelClosedException(
                "cannot receive: the channel is closed and every message was received", null);
    }

    /**
     * The message that a send on a closed channel did not send, handed back as Rust's
     * {@code SendError} hands it back; {@code null} when a receive threw, and after the
     * exception was serialized. Its type is the channel's element type, which an exception
     * cannot carry.
     */
    public @Nullable Object unsentMessage() {
        return unsent;
    }
}
