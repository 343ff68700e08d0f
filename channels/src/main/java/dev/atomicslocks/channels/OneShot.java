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
 * the receiver can try again. A waiting receiver spins for about a microsecond, then sleeps;
 * a waiting virtual thread unmounts from its carrier.
 *
 * <p>Each end is used once. A second send, a send after closing the sender, and a receive
 * after the receiver has returned a message or {@code Closed} (or was closed) throw
 * {@link IllegalStateException}, and so does a receive on a receiver that another thread is
 * receiving on at that moment; closing is idempotent, and closing an end that has done its
 * work does nothing, so both ends fit in try-with-resources blocks. The message may be
 * {@code null}. Everything the sending thread did before the send happens before the
 * receive that returns the message.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>A channel is three small objects (the pair and its two ends), and a receiver that
 *       has to sleep allocates a fourth, the word it sleeps on; a receive that returns a
 *       message allocates its {@link Received.Message}.
 *   <li>A message that arrives after the receiver stopped waiting but before it was closed is
 *       dropped by {@link Receiver#close()}, as Rust drops it with the channel; the sender is
 *       not told.
 *   <li>A timed receive spins for about a microsecond before it starts counting its timeout.
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
     * The state lives in the Sender object, one reference field, slot, so that a sender on
     * another thread touches one object, and writes it with its first access (one
     * compare-exchange, one transfer of the cache line). The Receiver points to it. The slot
     * holds the message itself or one of these markers:
     *   EMPTY            nothing sent, both ends open, nobody receiving (the initial value)
     *   WAITING          a blocking or timed receive has claimed the receipt and waits
     *   <the message>    sent, not yet received; NULL_MESSAGE stands for a null message
     *   HANDING          the sender is handing the message to the waiting receive
     *   HANDED_OVER      handed over; the message is in handedOver
     *   SENDER_CLOSED    the sender was closed without sending; the receiver is still open
     *   RECEIVER_CLOSED  the receiver was closed first; the sender is still open
     *   DONE             both ends have finished (final)
     *
     * Who may leave which state. The sender leaves EMPTY (to a message or SENDER_CLOSED),
     * WAITING (to HANDING or SENDER_CLOSED), HANDING (to HANDED_OVER; nobody else may) and
     * RECEIVER_CLOSED (to DONE). The receiver leaves EMPTY (to WAITING or RECEIVER_CLOSED),
     * WAITING (back to EMPTY when a wait gives up), a message, SENDER_CLOSED and HANDED_OVER
     * (to DONE). Every change that two threads could race for is a compare-exchange, so two
     * threads misusing one end cannot both succeed: the loser sees a state it may not act on
     * and throws. DONE means both ends have acted.
     *
     * Why WAITING and HANDED_OVER. A receive that waits claims the receipt first, while the
     * slot is still in its own cache; the sender then claims the slot (WAITING to HANDING),
     * stores the message in handedOver and publishes HANDED_OVER with a RELEASE store. The
     * waiting receive, the only one that may take it, finishes with another plain RELEASE
     * store instead of a compare-exchange on a line the sender has just written (which would
     * cost one more round trip between the processors). A receive from another thread
     * meanwhile finds WAITING, HANDING or HANDED_OVER and throws. HANDING lasts a few
     * instructions; a receive that sees it spins rather than sleeps.
     *
     * Orderings. The sender publishes the message with its compare-exchange (RELEASE in
     * effect) or, when it hands over, writes handedOver and then stores HANDED_OVER with
     * RELEASE; the receiver reads the slot with ACQUIRE before it reads the message, pairing
     * with either. The compare-exchanges are volatile, for the sleeping protocol below.
     *
     * Sleeping. A waiting receive spins for SPIN_LIMIT rounds (a sender about to send is
     * often faster than a sleep and a wake), then allocates its wake word, publishes it with a
     * volatile store and reads the slot again with a volatile load; it sleeps, while the
     * word is 0, only if that load saw WAITING. A sender that took the slot out of WAITING
     * (its volatile compare-exchange) then reads the wake word with a volatile load and, if
     * there is one, sets it to 1 and wakes it. Volatile accesses are
     * sequentially consistent, so either the receiver's second look sees the sender's change,
     * or the sender sees the wake word: no wake-up is lost, and a sender whose receiver never
     * slept makes no wake call at all. The word goes to 1 once and stays there, so a receiver
     * that gave up and waits again is not confused.
     *
     * Differences from the book: the receiver may be any thread, and the sender wakes whoever
     * sleeps on the word, where the book records the receiving thread and forbids moving the
     * receiver; either end may close; a channel is not reusable, since the garbage collector
     * makes a fresh one cheap and Java cannot check the borrow that makes reuse safe.
     */

    /** Nothing sent, both ends open, nobody receiving. */
    private static final Marker EMPTY = new Marker("empty");
    /** A receive waits for the message. */
    private static final Marker WAITING = new Marker("receiver waiting");
    /** Stands in the slot for a message that is {@code null}. */
    private static final Marker NULL_MESSAGE = new Marker("null message");
    /** The sender is storing the message for the waiting receive. */
    private static final Marker HANDING = new Marker("message being handed over");
    /** The message went to the waiting receive, through {@code handedOver}. */
    private static final Marker HANDED_OVER = new Marker("message handed over");
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
            SLOT = lookup.findVarHandle(Sender.class, "slot", Object.class);
            WAKE_WORD = lookup.findVarHandle(Sender.class, "wakeWord", AtomicU32.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Sender<T> sender = new Sender<>();
    private final Receiver<T> receiver = new Receiver<>(sender);

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
     * {@code OneShot[empty]}, {@code [receiver waiting]}, {@code [message waiting]},
     * {@code [message handed over]}, {@code [sender closed]}, {@code [receiver closed]} or
     * {@code [done]}; never the message itself.
     */
    @Override
    public String toString() {
        return "OneShot[" + sender.state() + "]";
    }

    private static boolean isMessage(Object found) {
        return !(found instanceof Marker) || found == NULL_MESSAGE;
    }

    /**
     * The sending end of a {@link OneShot}, and the holder of its state. It sends one message,
     * or is closed without sending; either uses it up. Sending never blocks.
     *
     * @param <T> the type of the message
     */
    public static final class Sender<T extends @Nullable Object> implements AutoCloseable {
        /** The message or a marker, reached only through {@link #SLOT}. */
        @SuppressWarnings({"UnusedVariable", "FieldMayBeFinal"}) // written through SLOT
        private Object slot = EMPTY;
        /** The message handed to a waiting receive; written before HANDED_OVER is. */
        private @Nullable Object handedOver;
        /** The word a sleeping receiver waits on; null until one has to sleep. */
        @SuppressWarnings("UnusedVariable") // reached through WAKE_WORD
        private @Nullable AtomicU32 wakeWord;

        private Sender() {
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
            Object wrapped = message == null ? NULL_MESSAGE : message;
            while (true) {
                // Volatile (release in effect): publishes the message; see the overview.
                Object found = SLOT.compareAndExchange(this, EMPTY, wrapped);
                if (found == EMPTY) {
                    return true;
                }
                if (found != WAITING) {
                    return sendFailed(found);
                }
                // A receive waits: claim the slot, then hand the message over.
                found = SLOT.compareAndExchange(this, WAITING, HANDING);
                if (found == WAITING) {
                    handedOver = wrapped;
                    // RELEASE: publishes the message to the waiting receive's ACQUIRE read.
                    SLOT.setRelease(this, HANDED_OVER);
                    wakeReceiver();
                    return true;
                }
                if (found != EMPTY) {
                    return sendFailed(found);
                }
                // The waiting receive gave up in between; send as if it never came.
            }
        }

        /** A send that found the receiver closed (false) or this sender already used. */
        private boolean sendFailed(Object found) {
            if (found == RECEIVER_CLOSED && SLOT.compareAndSet(this, RECEIVER_CLOSED, DONE)) {
                return false;
            }
            throw new IllegalStateException("cannot send on a OneShot sender that was already"
                    + " used: it has sent its message or was closed");
        }

        /**
         * Closes the sender without sending, if it has not sent yet: the receiver then
         * receives {@link Received.Closed}, at once if it is waiting. Idempotent; after a send
         * it does nothing.
         */
        @Override
        public void close() {
            Object found = SLOT.getAcquire(this);
            while (found == EMPTY || found == WAITING || found == RECEIVER_CLOSED) {
                Object next = found == RECEIVER_CLOSED ? DONE : SENDER_CLOSED;
                if (SLOT.compareAndSet(this, found, next)) {
                    if (found == WAITING) {
                        wakeReceiver();
                    }
                    return;
                }
                found = SLOT.getAcquire(this);
            }
            // Already sent or closed: nothing to do.
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

        /** The state's name, for toString; never the message. */
        String state() {
            Object found = SLOT.getAcquire(this);
            return isMessage(found) ? "message waiting" : found.toString();
        }

        /** Names the channel's state; never the message. */
        @Override
        public String toString() {
            return "OneShot.Sender[" + state() + "]";
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
        /** The sending end, which holds the state. */
        private final Sender<T> state;

        private Receiver(Sender<T> state) {
            this.state = state;
        }

        /**
         * Whether a receive would return at once: the message has arrived, or the sender was
         * closed without sending. Does not use the receiver up.
         */
        public boolean isReady() {
            // ACQUIRE: pairs with the sender's compare-exchange, as a receive would.
            Object found = SLOT.getAcquire(state);
            return isMessage(found) || found == HANDING || found == HANDED_OVER
                    || found == SENDER_CLOSED;
        }

        /**
         * Waits until the message arrives or the sender is closed. Not interruptible: an
         * interrupt leaves the thread waiting, without spinning, and its interrupt status is
         * still set when this returns.
         *
         * @return {@link Received.Message} or {@link Received.Closed}, never {@code Empty}
         * @throws IllegalStateException if this receiver already received or was closed, or
         *     another thread is receiving on it
         */
        public Received<T> receive() {
            try {
                return receive(WaitMode.UNINTERRUPTIBLE, null);
            } catch (InterruptedException e) {
                throw new AssertionError("an uninterruptible wait was interrupted", e);
            }
        }

        /**
         * Waits until the message arrives or the sender is closed, unless the thread is
         * interrupted first. If the message arrives just as the interrupt does, it is returned,
         * and the interrupt status is set again.
         *
         * @return {@link Received.Message} or {@link Received.Closed}, never {@code Empty}
         * @throws InterruptedException if the thread was interrupted before or while waiting;
         *     its interrupt status is then cleared, and the receiver can still receive
         * @throws IllegalStateException if this receiver already received or was closed, or
         *     another thread is receiving on it
         */
        public Received<T> receiveInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return receive(WaitMode.INTERRUPTIBLE, null);
        }

        /**
         * Takes the message or the sender's close if either is there, without waiting.
         *
         * @return {@link Received.Message}, {@link Received.Closed}, or {@link Received.Empty}
         *     if neither has happened yet (the receiver can then try again)
         * @throws IllegalStateException if this receiver already received or was closed, or
         *     another thread is receiving on it
         */
        public Received<T> tryReceive() {
            // ACQUIRE: pairs with the sender's compare-exchange.
            Object found = SLOT.getAcquire(state);
            return found == EMPTY ? Received.empty() : take(found);
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
         * @throws IllegalStateException if this receiver already received or was closed, or
         *     another thread is receiving on it
         */
        public Received<T> tryReceive(Duration timeout) throws InterruptedException {
            Objects.requireNonNull(timeout, "timeout");
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (WaitMode.isNone(timeout)) {
                return tryReceive();
            }
            return receive(WaitMode.TIMED, timeout);
        }

        /**
         * Closes the receiver: a later send returns {@code false} and hands its message back,
         * and a message that already arrived is dropped. Idempotent; after a receive it does
         * nothing.
         */
        @Override
        public void close() {
            Object found = SLOT.getAcquire(state);
            while (true) {
                Object next;
                if (found == EMPTY || found == WAITING) {
                    next = RECEIVER_CLOSED;
                } else if (isMessage(found) || found == SENDER_CLOSED
                        || found == HANDED_OVER) {
                    // A message nobody will receive is dropped, as Rust drops it.
                    next = DONE;
                } else if (found == HANDING) {
                    // Only the sender may leave HANDING, a moment from now.
                    Atomics.spinLoop();
                    found = SLOT.getAcquire(state);
                    continue;
                } else {
                    // RECEIVER_CLOSED or DONE: the receiver has already finished.
                    return;
                }
                if (SLOT.compareAndSet(state, found, next)) {
                    if (found == WAITING) {
                        // Another thread waits on this receiver (misuse): let it see this.
                        state.wakeReceiver();
                    }
                    return;
                }
                found = SLOT.getAcquire(state);
            }
        }

        /** Names the channel's state; never the message. */
        @Override
        public String toString() {
            return "OneShot.Receiver[" + state.state() + "]";
        }

        /**
         * A receive that may wait: claims the receipt (EMPTY to WAITING), waits for the
         * sender, and takes what it finds, or gives the claim back on a timeout.
         */
        private Received<T> receive(WaitMode mode, @Nullable Duration timeout)
                throws InterruptedException {
            // ACQUIRE: pairs with the sender's compare-exchange.
            Object found = SLOT.getAcquire(state);
            if (found == EMPTY) {
                found = SLOT.compareAndExchange(state, EMPTY, WAITING);
                if (found == EMPTY) {
                    found = await(mode, timeout);
                    if (found == WAITING) {
                        return Received.empty();
                    }
                    if (found == HANDED_OVER) {
                        return takeHandedOver();
                    }
                }
            }
            return take(found);
        }

        /** The message the sender handed to this receive, which alone may take it. */
        private Received<T> takeHandedOver() {
            Object wrapped = Objects.requireNonNull(state.handedOver);
            state.handedOver = null;
            // RELEASE, not a compare-exchange: nobody else may leave HANDED_OVER.
            SLOT.setRelease(state, DONE);
            return new Received.Message<>(unwrap(wrapped));
        }

        /** Takes a message or the sender's close, or throws if it may not. */
        private Received<T> take(Object found) {
            // A compare-exchange, so that two threads sharing this receiver cannot both take.
            if (isMessage(found) && SLOT.compareAndSet(state, found, DONE)) {
                return new Received.Message<>(unwrap(found));
            }
            if (found == SENDER_CLOSED && SLOT.compareAndSet(state, SENDER_CLOSED, DONE)) {
                return Received.closed();
            }
            if (found == WAITING || found == HANDING || found == HANDED_OVER) {
                throw new IllegalStateException("cannot receive on a OneShot receiver that"
                        + " another thread is receiving on");
            }
            throw new IllegalStateException("cannot receive on a OneShot receiver that was"
                    + " already used: it has received a result or was closed");
        }

        // The slot holds a T whenever it holds no marker; NULL_MESSAGE was a null sent as a T.
        @SuppressWarnings({"unchecked", "NullAway"})
        private T unwrap(Object found) {
            return found == NULL_MESSAGE ? (T) null : (T) found;
        }

        /**
         * Waits, holding the claim, until the slot leaves WAITING (and HANDING), and returns
         * what it holds then; WAITING if the timeout (read only in the TIMED mode) elapsed and
         * the claim was given back.
         */
        private Object await(WaitMode mode, @Nullable Duration timeout)
                throws InterruptedException {
            Object found = spinWhileWaiting();
            if (found != WAITING) {
                return found;
            }
            // Only now, after a spin of about a microsecond: most waits end within the spin,
            // and reading the clock is not free.
            long deadline = timeout == null ? 0 : WaitMode.deadlineAfter(timeout);
            AtomicU32 word = publishWakeWord();
            while (true) {
                // Volatile: this second look must not move before the wake word's publication.
                found = SLOT.getVolatile(state);
                if (found == HANDING) {
                    found = spinWhileWaiting();
                }
                if (found != WAITING) {
                    return found;
                }
                boolean inTime;
                try {
                    inTime = mode.sleep(word, 0, deadline);
                } catch (InterruptedException e) {
                    found = giveUp();
                    if (found == WAITING) {
                        throw e;
                    }
                    // The result came with the interrupt: return it, keeping the interrupt.
                    Thread.currentThread().interrupt();
                    return found;
                }
                if (!inTime) {
                    // WAITING if the claim was given back; otherwise the result won the race.
                    return giveUp();
                }
            }
        }

        /**
         * Gives the claim back (WAITING to EMPTY); returns WAITING if it did, or else the
         * result that arrived first.
         */
        private Object giveUp() {
            Object found = SLOT.compareAndExchange(state, WAITING, EMPTY);
            return found == HANDING ? spinWhileWaiting() : found;
        }

        /** Spins while the slot is WAITING, for a while, and while it is HANDING. */
        private Object spinWhileWaiting() {
            Object found = SLOT.getAcquire(state);
            for (int spins = 0; found == HANDING || (spins < SPIN_LIMIT && found == WAITING);
                    spins++) {
                Atomics.spinLoop();
                // ACQUIRE: pairs with the sender's compare-exchange or HANDED_OVER store.
                found = SLOT.getAcquire(state);
            }
            return found;
        }

        /** The wake word, allocated and published by the first wait of this receiver. */
        private AtomicU32 publishWakeWord() {
            AtomicU32 word = (AtomicU32) WAKE_WORD.getAcquire(state);
            if (word == null) {
                word = new AtomicU32(0);
                // Volatile: the sleeping protocol's first half; see the overview.
                WAKE_WORD.setVolatile(state, word);
            }
            return word;
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
