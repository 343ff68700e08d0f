package dev.atomicslocks.channels;

import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;

/**
 * What a receive on a {@link OneShot} found: the {@link Message}; the news that none will come,
 * because the sender was {@link Closed} without sending; or, for the try and timed forms only,
 * nothing yet ({@link Empty}). A {@code switch} names each case:
 *
 * <pre>{@code
 * switch (receiver.tryReceive(Duration.ofSeconds(1))) {
 *     case Received.Message(var reply) -> use(reply);
 *     case Received.Closed() -> giveUp("the sender closed without a reply");
 *     case Received.Empty() -> retryLater();
 * }
 * }</pre>
 *
 * <p>A message may be {@code null}, and is then a {@code Message} whose value is {@code null}:
 * "no message" is never spelled {@code null}.
 *
 * @param <T> the type of the message
 */
public sealed interface Received<T extends @Nullable Object> {

    /**
     * The value of a {@link Message}.
     *
     * @throws NoSuchElementException if this is {@link Closed} or {@link Empty}
     */
    T orElseThrow();

    /** The one {@link Closed} result, of any message type. */
    @SuppressWarnings("unchecked") // Closed has no component of type T
    static <T extends @Nullable Object> Closed<T> closed() {
        return (Closed<T>) Closed.INSTANCE;
    }

    /** The one {@link Empty} result, of any message type. */
    @SuppressWarnings("unchecked") // Empty has no component of type T
    static <T extends @Nullable Object> Empty<T> empty() {
        return (Empty<T>) Empty.INSTANCE;
    }

    /**
     * The message arrived; this receive took it.
     *
     * @param value the message, as it was sent ({@code null} if {@code null} was sent)
     * @param <T> the type of the message
     */
    record Message<T extends @Nullable Object>(T value) implements Received<T> {
        @Override
        public T orElseThrow() {
            return value;
        }
    }

    /**
     * The sender was closed without sending: no message will ever come.
     *
     * @param <T> the type of the message that never came
     */
    record Closed<T extends @Nullable Object>() implements Received<T> {
        private static final Closed<?> INSTANCE = new Closed<>();

        @Override
        public T orElseThrow() {
            throw new NoSuchElementException("the sender was closed without sending a message");
        }
    }

    /**
     * No message yet, and the sender is still open: the try form found nothing, or the timed
     * form's timeout elapsed first. The receiver can still receive.
     *
     * @param <T> the type of the message still expected
     */
    record Empty<T extends @Nullable Object>() implements Received<T> {
        private static final Empty<?> INSTANCE = new Empty<>();

        @Override
        public T orElseThrow() {
            throw new NoSuchElementException("no message has arrived yet");
        }
    }
}
