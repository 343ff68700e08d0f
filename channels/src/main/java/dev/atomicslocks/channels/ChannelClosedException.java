package dev.atomicslocks.channels;

/**
 * Thrown by a {@link Channel} operation that cannot proceed because the channel is closed: a
 * send on a closed channel (the message was not sent and is still the caller's), or a receive
 * on a channel that is closed and has no message left.
 */
public final class ChannelClosedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private ChannelClosedException(String message) {
        super(message);
    }

    /** What a send on a closed channel throws. */
    static ChannelClosedException onSend() {
        return new ChannelClosedException(
                "cannot send on a closed channel: the message was not sent");
    }

    /** What a receive throws once the channel is closed and every message was received. */
    static ChannelClosedException onReceive() {
        return new ChannelClosedException(
                "cannot receive: the channel is closed and every message was received");
    }
}
