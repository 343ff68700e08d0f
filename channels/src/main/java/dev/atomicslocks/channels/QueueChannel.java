package dev.atomicslocks.channels;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the array and the linked channel share: a head and a tail position, the blocking forms
 * built on a non-blocking {@link #offer} and {@link #poll}, and the protocol by which a sender
 * or receiver goes to sleep and is woken.
 */
abstract sealed class QueueChannel<T> extends Channel<T> permits ArrayChannel, LinkedChannel {

    /*
     * Positions. Every message has a position, handed out in order by a compare-exchange of
     * the tail; a receiver takes the message at the head position with a compare-exchange of
     * the head. head <= tail always (ignoring CLOSED_BIT). Both live in one long[] of padded
     * cells (see below), with the two counts of sleeping threads.
     *
     * Closing sets CLOSED_BIT in the tail with one atomic or. A send's compare-exchange then
     * fails, and the send sees the bit and fails; so the messages sent before the close are
     * exactly those below the tail at that moment, and receivers drain them: a receiver
     * reports the channel closed only when head == tail and the bit is set.
     *
     * Sleeping (who wakes whom). A receiver that finds the channel empty spins briefly
     * (backOff) and then, to sleep: reads the word it will sleep on (messageEvent) with
     * ACQUIRE, increments the count of sleeping receivers (a volatile read-modify-write),
     * polls once more, and sleeps only if that poll still found nothing and the word is
     * unchanged. A sender, right after the volatile compare-exchange of the tail that claims
     * its position, reads that count with a volatile load; if it is not zero, it increments
     * the word and wakes one sleeper once its message is in place. No wake-up is lost: the
     * receiver writes the count and then reads the tail (in poll), the sender writes the tail
     * and then reads the count, all volatile, so in the single order of volatile accesses at
     * least one sees the other. Either the receiver's poll sees the claimed position (and
     * waits for the message to land instead of sleeping, see below), or the sender sees the
     * count and wakes. A sender that sees no sleeper makes no wake call at all: the cost of
     * the protocol on the fast path is one volatile load (a plain load on x86).
     *
     * A position claimed but not yet filled (the sender was preempted between its
     * compare-exchange and its store) makes poll spin and yield until the message lands,
     * rather than report the channel empty: a sender that finished later may already have
     * returned, so "empty" would be a lie, and the sleeping protocol above relies on it.
     *
     * Senders of a bounded channel that find it full sleep on roomEvent in the same way, and
     * a receiver wakes one after it has freed a slot, with the roles exchanged.
     *
     * The word is an event count: every wake increments it first, so a thread that read it
     * before the wake does not sleep on the new value. Close increments both words and wakes
     * everybody. A woken thread polls again before it looks at its deadline or interrupt
     * status, so a wake it consumed is never wasted while a message waits.
     *
     * Padding. The head, the tail and the two counts are each alone in a cell of CELL_SPACING
     * longs (128 bytes, two cache lines, since x86 fetches lines in adjacent pairs): the tail
     * is written by every send, the head by every receive, and the counts are read by every
     * send and receive and written only by threads going to sleep; sharing a line would make
     * each of those writes slow the other side down.
     */

    /** Set in the tail by close; no position ever reaches it (2^62 messages). */
    static final long CLOSED_BIT = 1L << 62;

    /** {@link #offer} succeeded: the message was sent. */
    static final int SENT = 0;
    /** {@link #offer} found no room. */
    static final int FULL = 1;
    /** {@link #offer} found the channel closed. */
    static final int CLOSED = 2;

    /** Longs from one cell to the next: 128 bytes, two cache lines. Chosen, not measured. */
    private static final int CELL_SPACING = 16;
    /** The index of each padded value in {@link #cells}. */
    private static final int HEAD = CELL_SPACING;
    private static final int TAIL = 2 * CELL_SPACING;
    private static final int SLEEPING_RECEIVERS = 3 * CELL_SPACING;
    private static final int SLEEPING_SENDERS = 4 * CELL_SPACING;
    private static final int CELLS = 5 * CELL_SPACING;

    /** Rounds of {@link #backOff} that spin (1, 2, 4 ... 64 pauses); later ones yield. */
    static final int SPIN_ROUNDS = 7;
    /** Rounds of {@link #backOff} a waiting thread goes through before it sleeps. */
    static final int ROUNDS_BEFORE_SLEEP = 10;

    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

    /** The head, the tail and the sleeper counts, each in its own padded cell. */
    private final long[] cells = new long[CELLS];
    /** The word sleeping receivers wait on; incremented by each wake. */
    private final AtomicU32 messageEvent = new AtomicU32(0);
    /** The word sleeping senders wait on; incremented by each wake. */
    private final AtomicU32 roomEvent = new AtomicU32(0);

    QueueChannel() {
    }

    /**
     * Sends if there is room, without waiting.
     *
     * @return {@link #SENT}, {@link #FULL} or {@link #CLOSED}
     */
    abstract int offer(T message);

    /**
     * Takes the message at the head if there is one, without waiting (except for a message
     * whose sender is between claiming its position and storing it).
     *
     * @return the message, {@link #EMPTY} or {@link #DRAINED}
     */
    abstract Object poll();

    // ---- positions and counts

    final long head() {
        return (long) CELL.getAcquire(cells, HEAD);
    }

    /** The head, for the checks of the sleeping protocol. */
    final long headVolatile() {
        return (long) CELL.getVolatile(cells, HEAD);
    }

    final long tail() {
        return (long) CELL.getAcquire(cells, TAIL);
    }

    /** The tail, for the checks of the sleeping protocol. */
    final long tailVolatile() {
        return (long) CELL.getVolatile(cells, TAIL);
    }

    /** Moves the head; returns what it found (the move happened if that is {@code expected}). */
    final long compareExchangeHead(long expected, long next) {
        // Volatile: the read of the sleeping senders' count that follows must not move up.
        return (long) CELL.compareAndExchange(cells, HEAD, expected, next);
    }

    /** Moves the tail; returns what it found (the move happened if that is {@code expected}). */
    final long compareExchangeTail(long expected, long next) {
        // Volatile: the read of the sleeping receivers' count that follows must not move up.
        return (long) CELL.compareAndExchange(cells, TAIL, expected, next);
    }

    static boolean isClosed(long tail) {
        return (tail & CLOSED_BIT) != 0;
    }

    /** The tail without its closed bit: the position the next message would get. */
    static long position(long tail) {
        return tail & ~CLOSED_BIT;
    }

    /** Whether a receiver may be asleep; read right after a send claimed its position. */
    final boolean receiversMaySleep() {
        return (long) CELL.getVolatile(cells, SLEEPING_RECEIVERS) != 0;
    }

    /** Whether a sender may be asleep; read right after a receive claimed its message. */
    final boolean sendersMaySleep() {
        return (long) CELL.getVolatile(cells, SLEEPING_SENDERS) != 0;
    }

    /** Wakes one sleeping receiver; called once the message is in place. */
    final void wakeReceiver() {
        // RELEASE: a receiver that reads the new value also sees the message.
        messageEvent.fetchAdd(1, RELEASE);
        AtomicWait.wakeOne(messageEvent);
    }

    /** Wakes one sleeping sender; called once the slot is free. */
    final void wakeSender() {
        roomEvent.fetchAdd(1, RELEASE);
        AtomicWait.wakeOne(roomEvent);
    }

    /**
     * Spins, then yields: round 0 to {@link #SPIN_ROUNDS} - 1 pause 1, 2, 4 ... times, later
     * rounds yield the processor.
     */
    @SuppressWarnings("ThreadPriorityCheck") // yielding to a preempted peer is the point
    static void backOff(int round) {
        if (round < SPIN_ROUNDS) {
            for (int i = 0; i < 1 << round; i++) {
                Thread.onSpinWait();
            }
        } else {
            Thread.yield();
        }
    }

    // ---- sending

    @Override
    public final void send(T message) {
        Objects.requireNonNull(message, "message");
        int result = offer(message);
        if (result == FULL) {
            try {
                result = awaitRoom(message, WaitMode.UNINTERRUPTIBLE, 0);
            } catch (InterruptedException e) {
                throw new AssertionError("an uninterruptible wait was interrupted", e);
            }
        }
        if (result == CLOSED) {
            throw ChannelClosedException.onSend(message);
        }
    }

    @Override
    public final void sendInterruptibly(T message) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int result = offer(message);
        if (result == FULL) {
            result = awaitRoom(message, WaitMode.INTERRUPTIBLE, 0);
        }
        if (result == CLOSED) {
            throw ChannelClosedException.onSend(message);
        }
    }

    @Override
    public final boolean trySend(T message) {
        Objects.requireNonNull(message, "message");
        int result = offer(message);
        if (result == CLOSED) {
            throw ChannelClosedException.onSend(message);
        }
        return result == SENT;
    }

    @Override
    public final boolean trySend(T message, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        int result = offer(message);
        if (result == FULL && !WaitMode.isNone(timeout)) {
            result = awaitRoom(message, WaitMode.TIMED, WaitMode.deadlineAfter(timeout));
        }
        if (result == CLOSED) {
            throw ChannelClosedException.onSend(message);
        }
        return result == SENT;
    }

    /** Offers until there is room or the channel closes; FULL only if the deadline passed. */
    private int awaitRoom(T message, WaitMode mode, long deadline)
            throws InterruptedException {
        for (int round = 0; round < ROUNDS_BEFORE_SLEEP; round++) {
            backOff(round);
            int result = offer(message);
            if (result != FULL) {
                return result;
            }
        }
        while (true) {
            // ACQUIRE: pairs with the RELEASE increment in wakeSender.
            int event = roomEvent.load(ACQUIRE);
            CELL.getAndAdd(cells, SLEEPING_SENDERS, 1L);
            try {
                int result = offer(message);
                if (result != FULL) {
                    return result;
                }
                if (!mode.sleep(roomEvent, event, deadline)) {
                    return offer(message);
                }
            } finally {
                CELL.getAndAdd(cells, SLEEPING_SENDERS, -1L);
            }
        }
    }

    // ---- receiving

    @Override
    public final T receive() {
        Object found = poll();
        if (found == EMPTY) {
            found = awaitMessageUninterruptibly();
        }
        return messageOrThrow(found);
    }

    @Override
    public final T receiveInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object found = poll();
        if (found == EMPTY) {
            found = awaitMessage(WaitMode.INTERRUPTIBLE, 0);
        }
        return messageOrThrow(found);
    }

    @Override
    public final @Nullable T tryReceive() {
        Object found = poll();
        return found == EMPTY ? null : messageOrThrow(found);
    }

    @Override
    public final @Nullable T tryReceive(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        Object found = poll();
        if (found == EMPTY && !WaitMode.isNone(timeout)) {
            found = awaitMessage(WaitMode.TIMED, WaitMode.deadlineAfter(timeout));
        }
        return found == EMPTY ? null : messageOrThrow(found);
    }

    @Override
    final @Nullable T receiveUnlessDrained() {
        Object found = poll();
        if (found == EMPTY) {
            found = awaitMessageUninterruptibly();
        }
        return found == DRAINED ? null : cast(found);
    }

    private Object awaitMessageUninterruptibly() {
        try {
            return awaitMessage(WaitMode.UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /** Polls until a message arrives or the channel drains; EMPTY only if the deadline passed. */
    private Object awaitMessage(WaitMode mode, long deadline) throws InterruptedException {
        for (int round = 0; round < ROUNDS_BEFORE_SLEEP; round++) {
            backOff(round);
            Object found = poll();
            if (found != EMPTY) {
                return found;
            }
        }
        while (true) {
            // ACQUIRE: pairs with the RELEASE increment in wakeReceiver.
            int event = messageEvent.load(ACQUIRE);
            CELL.getAndAdd(cells, SLEEPING_RECEIVERS, 1L);
            try {
                Object found = poll();
                if (found != EMPTY) {
                    return found;
                }
                if (!mode.sleep(messageEvent, event, deadline)) {
                    return poll();
                }
            } finally {
                CELL.getAndAdd(cells, SLEEPING_RECEIVERS, -1L);
            }
        }
    }

    private T messageOrThrow(Object found) {
        if (found == DRAINED) {
            throw ChannelClosedException.onReceive();
        }
        return cast(found);
    }

    @SuppressWarnings("unchecked") // poll returns a T whenever it returns no marker
    private T cast(Object found) {
        return (T) found;
    }

    // ---- closing

    @Override
    public final boolean close() {
        long tail = (long) CELL.getAndBitwiseOr(cells, TAIL, CLOSED_BIT);
        if (isClosed(tail)) {
            return false;
        }
        // Everybody asleep wakes, sees the bit and fails (senders) or drains (receivers).
        messageEvent.fetchAdd(1, RELEASE);
        AtomicWait.wakeAll(messageEvent);
        roomEvent.fetchAdd(1, RELEASE);
        AtomicWait.wakeAll(roomEvent);
        return true;
    }

    @Override
    public final boolean isClosed() {
        return isClosed(tail());
    }

    /** How many messages the channel holds at this moment; for toString and monitoring. */
    abstract long size();
}
