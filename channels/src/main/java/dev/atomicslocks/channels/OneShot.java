package dev.atomicslocks.channels;

import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.basics.Atomics;
import dev.atomicslocks.oswait.AtomicWait;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A channel for exactly one message, from one {@link Sender} to one {@link Receiver} created
 * together with it:
 *
 * <pre>{@code
 * OneShot<String> reply = OneShot.create();
 * worker.submit(() -> reply.sender().send(compute()));
 * switch (reply.receiver().receive()) {
 *     case Received.Message(var text) -> System.out.println(text);
 *     case Received.Closed() -> System.out.println("the worker gave up");
 *     case Received.Empty() -> throw new AssertionError("a blocking receive never is empty");
 * }
 * }</pre>
 *
 * <p>Sending never blocks. {@link Sender#send} returns {@code false} when the receiver was
 * already closed: the message was not taken and is still the caller's. Closing the sender
 * without sending tells the receiver that no message will come, and a receiver waiting at that
 * moment returns at once with {@link Received.Closed}.
 *
 * <p>Receiving comes in the four forms of {@code java.util.concurrent}:
 * {@link Receiver#receive()} waits without limit and is not interruptible (an interrupt neither
 * ends the wait nor makes it spin, and the status is still set when it returns);
 * {@link Receiver#receiveInterruptibly()} throws {@link InterruptedException};
 * {@link Receiver#tryReceive(Duration)} gives up after a timeout; {@link Receiver#tryReceive()}
 * never waits. The blocking forms return a {@link Received.Message} or
 * {@link Received.Closed}; the try forms may also return {@link Received.Empty}, after which
 * the receiver can try again. A waiting virtual thread unmounts from its carrier.
 *
 * <p>Each end is used once. A second send, a send after closing the sender, and a receive
 * after the receiver has returned a message or {@code Closed} (or was closed) throw
 * {@link IllegalStateException}; closing is idempotent, and closing an end that has done its
 * work does nothing, so both ends fit in try-with-resources blocks. The message may be
 * {@code null}. Everything the sending thread did before the send happens before the
 * receive that returns the message.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A channel is three small objects (the channel and its two ends), and a receiver that
 *       has to sleep allocates a fourth, the word it sleeps on.
 *   <li>A message that arrives after the receiver stopped waiting but before it was closed is
 *       dropped by {@link Receiver#close()}, as Rust drops it with the channel; the sender is
 *       not told.
 * </ul>
 *
 * @param <T> the type of the message
 */
public final class OneShot<T extends @Nullable Object> {

    /*
     * The last step of chapter 5 (BlockingOneShot) made safe to use: the receiver sleeps
     * through os-wait rather than parking a recorded thread, either end may give up, and every
     * misuse is detected.
     *
     * State: one reference, slot, that is either the message itself or one of these markers:
     *   EMPTY            nothing sent, both ends open (the initial value)
     *   <the message>    sent and not yet received; NULL_MESSAGE stands for a null message
     *   SENDER_CLOSED    the sender was closed without sending; the receiver is still open
     *   RECEIVER_CLOSED  the receiver was closed first; the sender is still open
     *   DONE             both ends have finished (final)
     * Every change is a compare-exchange out of a state that only one end may leave, so two
     * threads misusing one end cannot both succeed: the loser sees a state it may not act on
     * and throws. The sender leaves EMPTY (to a message or SENDER_CLOSED) and RECEIVER_CLOSED
     * (to DONE); the receiver leaves a message and SENDER_CLOSED (to DONE) and EMPTY (to
     * RECEIVER_CLOSED). DONE means both ends have acted, so any further use is a second use.
     *
     * Orderings. The sender's compare-exchange is RELEASE in effect (it publishes the message
     * and everything before it); the receiver reads the slot with ACQUIRE and takes it with a
     * compare-exchange, pairing with it. Both are volatile, for the sleeping protocol below.
     *
     * Sleeping. A receiver that finds EMPTY spins for SPIN_LIMIT rounds (a sender that is
     * about to send is often faster than a sleep and a wake), then allocates its wake word,
     * publishes it with a volatile store and reads the slot again with a volatile load before
     * it sleeps while the word is 0. The sender, after its volatile compare-exchange, reads
     * the wake word with a volatile load and, if there is one, sets it to 1 and wakes it.
     * Volatile accesses are sequentially consistent, so either the receiver's second look sees
     * the sender's change, or the sender sees the wake word: no wake-up is lost, and a sender
     * whose receiver never slept makes no wake call at all. The word goes to 1 once and stays
     * there, so a receiver that gave up (timeout, interrupt) and waits again is not confused.
     *
     * Differences from the book: the receiver may be any thread, and the sender wakes whoever
     * sleeps on the word, where the book records the receiving thread and forbids moving the
     * receiver; either end may close; a channel is not reusable, since the garbage collector
     * makes a fresh one cheap and Java cannot check the borrow that makes reuse safe.
     */

    /** Nothing sent, both ends open. */
    private static final Marker EMPTY = new Marker("empty");
    /** Stands in the slot for a message that is {@code null}. */
    private static final Marker NULL_MESSAGE = new Marker("null message");
    /** The sender closed without sending. */
    private static final Marker SENDER_CLOSED = new Marker("sender closed");
    /** The receiver closed before anything arrived. */
    private static final Marker RECEIVER_CLOSED = new Marker("receiver closed");
    /** Both ends finished. */
    private static final Marker DONE = new Marker("done");

    /** Rounds a receiver spins before it sleeps; chosen, as the book's mutex chooses 100. */
    static final int SPIN_LIMIT = 100;

    private static final VarHandle SLOT;
    private static final VarHandle WAKE_WORD;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            SLOT = lookup.findVarHandle(OneShot.class, "slot", Object.class);
            WAKE_WORD = lookup.findVarHandle(OneShot.class, "wakeWord", AtomicU32.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The message or a marker, reached only through {@link #SLOT}. */
    @SuppressWarnings({"UnusedVariable", "FieldMayBeFinal"}) // written through SLOT
    private Object slot = EMPTY;
    /** The word a sleeping receiver waits on; null until one has to sleep. */
    @SuppressWarnings("UnusedVariable") // reached through WAKE_WORD
    private @Nullable AtomicU32 wakeWord;
    private final Sender<T> sender = new Sender<>(this);
    private final Receiver<T> receiver = new Receiver<>(this);

    private OneShot() {
    }

    /** A new channel, with no message yet and both ends open. */
    public static <T extends @Nullable Object> OneShot<T> create() {
        return new OneShot<>();
    }

    /** The end that sends the message, always the same object. */
    public Sender<T> sender() {
        return sender;
    }

    /** The end that receives the message, always the same object. */
    public Receiver<T> receiver() {
        return receiver;
    }

    /**
     * {@code OneShot[empty]}, {@code [message waiting]}, {@code [sender closed]},
     * {@code [receiver closed]} or {@code [done]}; never the message itself.
     */
    @Override
    public String toString() {
        Object found = SLOT.getAcquire(this);
        String state = isMessage(found) ? "message waiting" : found.toString();
        return "OneShot[" + state + "]";
    }

    private static boolean isMessage(Object found) {
        return !(found instanceof Marker) || found == NULL_MESSAGE;
    }

    // The slot holds a T whenever it holds no marker; NULL_MESSAGE was a null sent as a T.
    @SuppressWarnings({"unchecked", "NullAway"})
    private T unwrap(Object found) {
        return found == NULL_MESSAGE ? (T) null : (T) found;
    }

    // ---- the sender's side

    private boolean send(T message) {
        Object wrapped = message == null ? NULL_MESSAGE : message;
        // Volatile (release in effect): publishes the message; see the overview for why the
        // read of the wake word must not move before it.
        Object found = SLOT.compareAndExchange(this, EMPTY, wrapped);
        if (found == EMPTY) {
            wakeReceiver();
            return true;
        }
        if (found == RECEIVER_CLOSED && SLOT.compareAndSet(this, RECEIVER_CLOSED, DONE)) {
            return false;
        }
        throw new IllegalStateException("cannot send on a OneShot sender that was already used:"
                + " it has sent its message or was closed");
    }

    private void closeSender() {
        Object found = SLOT.compareAndExchange(this, EMPTY, SENDER_CLOSED);
        if (found == EMPTY) {
            wakeReceiver();
        } else if (found == RECEIVER_CLOSED) {
            // Both ends are now finished; a failure means a racing send finished them first.
            SLOT.compareAndSet(this, RECEIVER_CLOSED, DONE);
        }
    }

    /** Wakes the receiver if it published a wake word; see the overview. */
    private void wakeReceiver() {
        AtomicU32 word = (AtomicU32) WAKE_WORD.getVolatile(this);
        if (word != null) {
            // RELEASE: the slot is already published; the word only ends the wait.
            word.store(1, RELEASE);
            AtomicWait.wakeAll(word);
        }
    }

    // ---- the receiver's side

    /** Whether a result is there: a message, or the news that the sender closed. */
    private boolean isReady() {
        // ACQUIRE: pairs with the sender's compare-exchange, as a receive would.
        Object found = SLOT.getAcquire(this);
        return isMessage(found) || found == SENDER_CLOSED;
    }

    /** Takes a message or the sender's close, or throws if the receiver already finished. */
    private Received<T> take(Object found) {
        // A compare-exchange, so that two threads sharing this receiver cannot both take it.
        if (isMessage(found) && SLOT.compareAndSet(this, found, DONE)) {
            return new Received.Message<>(unwrap(found));
        }
        if (found == SENDER_CLOSED && SLOT.compareAndSet(this, SENDER_CLOSED, DONE)) {
            return Received.closed();
        }
        throw new IllegalStateException("cannot receive on a OneShot receiver that was already"
                + " used: it has received a result or was closed");
    }

    private Received<T> receive() {
        // ACQUIRE: pairs with the sender's compare-exchange.
        Object found = SLOT.getAcquire(this);
        if (found == EMPTY) {
            try {
                found = await(WaitMode.UNINTERRUPTIBLE, 0);
            } catch (InterruptedException e) {
                throw new AssertionError("an uninterruptible wait was interrupted", e);
            }
        }
        return take(found);
    }

    private Received<T> receiveInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object found = SLOT.getAcquire(this);
        if (found == EMPTY) {
            found = await(WaitMode.INTERRUPTIBLE, 0);
        }
        return take(found);
    }

    private Received<T> tryReceive() {
        Object found = SLOT.getAcquire(this);
        return found == EMPTY ? Received.empty() : take(found);
    }

    private Received<T> tryReceive(Duration timeout) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object found = SLOT.getAcquire(this);
        if (found == EMPTY && !WaitMode.isNone(timeout)) {
            found = await(WaitMode.TIMED, WaitMode.deadlineAfter(timeout));
        }
        return found == EMPTY ? Received.empty() : take(found);
    }

    /**
     * Waits until the slot leaves EMPTY and returns what it then holds, or EMPTY if the
     * deadline passed first.
     */
    private Object await(WaitMode mode, long deadline) throws InterruptedException {
        Object found = spinWhileEmpty();
        if (found != EMPTY) {
            return found;
        }
        AtomicU32 word = publishWakeWord();
        while (true) {
            // Volatile: this second look must not move before the wake word's publication.
            found = SLOT.getVolatile(this);
            if (found != EMPTY) {
                return found;
            }
            if (!mode.sleep(word, 0, deadline)) {
                // Timed out; a send that raced with the timeout still counts.
                return SLOT.getAcquire(this);
            }
        }
    }

    private Object spinWhileEmpty() {
        Object found = EMPTY;
        for (int spins = 0; spins < SPIN_LIMIT && found == EMPTY; spins++) {
            Atomics.spinLoop();
            // ACQUIRE: pairs with the sender's compare-exchange.
            found = SLOT.getAcquire(this);
        }
        return found;
    }

    /** The wake word, allocated and published by the first wait of this receiver. */
    private AtomicU32 publishWakeWord() {
        AtomicU32 word = (AtomicU32) WAKE_WORD.getAcquire(this);
        if (word == null) {
            word = new AtomicU32(0);
            // Volatile: the sleeping protocol's first half; see the overview.
            WAKE_WORD.setVolatile(this, word);
        }
        return word;
    }

    private void closeReceiver() {
        Object found = SLOT.getAcquire(this);
        while (true) {
            Object next;
            if (found == EMPTY) {
                next = RECEIVER_CLOSED;
            } else if (isMessage(found) || found == SENDER_CLOSED) {
                // A message nobody will receive is dropped, as Rust drops it with the channel.
                next = DONE;
            } else {
                // RECEIVER_CLOSED or DONE: the receiver has already finished.
                return;
            }
            if (SLOT.compareAndSet(this, found, next)) {
                return;
            }
            found = SLOT.getAcquire(this);
        }
    }

    /**
     * The sending end of a {@link OneShot}. It sends one message, or is closed without
     * sending; either uses it up. Sending never blocks.
     *
     * @param <T> the type of the message
     */
    public static final class Sender<T extends @Nullable Object> implements AutoCloseable {
        private final OneShot<T> channel;

        private Sender(OneShot<T> channel) {
            this.channel = channel;
        }

        /**
         * Sends the message, waking the receiver if it waits. Never blocks.
         *
         * @param message the message; may be {@code null}
         * @return {@code true} if the channel took the message; {@code false} if the receiver
         *     was already closed, in which case the message was not taken and is still the
         *     caller's
         * @throws IllegalStateException if this sender already sent or was closed
         */
        public boolean send(T message) {
            return channel.send(message);
        }

        /**
         * Closes the sender without sending, if it has not sent yet: the receiver then
         * receives {@link Received.Closed}, at once if it is waiting. Idempotent; after a send
         * it does nothing.
         */
        @Override
        public void close() {
            channel.closeSender();
        }

        /** Names the channel's state; never the message. */
        @Override
        public String toString() {
            return "OneShot.Sender of " + channel;
        }
    }

    /**
     * The receiving end of a {@link OneShot}. It receives one result, a message or the news
     * that the sender closed without sending, or is closed; either uses it up. A try form that
     * finds nothing yet ({@link Received.Empty}) does not use it up.
     *
     * @param <T> the type of the message
     */
    public static final class Receiver<T extends @Nullable Object> implements AutoCloseable {
        private final OneShot<T> channel;

        private Receiver(OneShot<T> channel) {
            this.channel = channel;
        }

        /**
         * Whether a receive would return at once: the message has arrived, or the sender was
         * closed without sending. Does not use the receiver up.
         */
        public boolean isReady() {
            return channel.isReady();
        }

        /**
         * Waits until the message arrives or the sender is closed. Not interruptible: an
         * interrupt leaves the thread waiting, without spinning, and its interrupt status is
         * still set when this returns.
         *
         * @return {@link Received.Message} or {@link Received.Closed}, never {@code Empty}
         * @throws IllegalStateException if this receiver already received or was closed
         */
        public Received<T> receive() {
            return channel.receive();
        }

        /**
         * Waits until the message arrives or the sender is closed, unless the thread is
         * interrupted first.
         *
         * @return {@link Received.Message} or {@link Received.Closed}, never {@code Empty}
         * @throws InterruptedException if the thread was interrupted before or while waiting;
         *     its interrupt status is then cleared, and the receiver can still receive
         * @throws IllegalStateException if this receiver already received or was closed
         */
        public Received<T> receiveInterruptibly() throws InterruptedException {
            return channel.receiveInterruptibly();
        }

        /**
         * Takes the message or the sender's close if either is there, without waiting.
         *
         * @return {@link Received.Message}, {@link Received.Closed}, or {@link Received.Empty}
         *     if neither has happened yet (the receiver can then try again)
         * @throws IllegalStateException if this receiver already received or was closed
         */
        public Received<T> tryReceive() {
            return channel.tryReceive();
        }

        /**
         * Waits at most {@code timeout} for the message or the sender's close. A zero or
         * negative timeout tries once without waiting; a timeout too long to represent in
         * nanoseconds waits without limit.
         *
         * @return {@link Received.Message}, {@link Received.Closed}, or {@link Received.Empty}
         *     if the timeout elapsed first (the receiver can then try again)
         * @throws InterruptedException if the thread was interrupted before or while waiting;
         *     its interrupt status is then cleared, and the receiver can still receive
         * @throws IllegalStateException if this receiver already received or was closed
         */
        public Received<T> tryReceive(Duration timeout) throws InterruptedException {
            Objects.requireNonNull(timeout, "timeout");
            return channel.tryReceive(timeout);
        }

        /**
         * Closes the receiver: a later send returns {@code false} and hands its message back,
         * and a message that already arrived is dropped. Idempotent; after a receive it does
         * nothing.
         */
        @Override
        public void close() {
            channel.closeReceiver();
        }

        /** Names the channel's state; never the message. */
        @Override
        public String toString() {
            return "OneShot.Receiver of " + channel;
        }
    }

    /**
     * A state of the slot that is not a message, told apart by identity; its name is for
     * toString. No instance escapes, so no message can be one.
     */
    private static final class Marker {
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
