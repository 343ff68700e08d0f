package dev.atomicslocks.channels;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELEASE;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The channel of capacity 0: a send hands its message straight to a receiver, waiting until
 * one comes.
 *
 * @param <T> the type of the messages
 */
final class RendezvousChannel<T> extends Channel<T> {

    /*
     * Two queues of waiting parties, senders (each with its message) and receivers, behind
     * one lock; at any moment at most one of them is non-empty. A send takes the lock; if a
     * receiver waits, it removes it, gives it the message, unlocks and settles it (stores
     * MATCHED in the party's state word and wakes it). Otherwise it queues itself, unlocks
     * and sleeps on its own word until a receiver or a close settles it. A receive is the
     * mirror image. The try forms only ever take a waiting partner.
     *
     * Party state (one AtomicU32 per waiting party, the word it sleeps on):
     *   WAITING (0)  queued, nobody has come for it yet
     *   MATCHED (1)  a partner took its message (sender) or gave it one (receiver); final
     *   CLOSED  (2)  the channel closed while it waited; a sender keeps its message; final
     * A party leaves its queue only under the lock, and whoever removes it settles it, so a
     * party that gives up (timeout, interrupt) takes the lock and either removes itself (it
     * gave up first) or finds itself already removed, and then waits, uninterruptibly and
     * briefly, for the settling store that is on its way: the exchange happened, and a timed
     * or interrupted wait reports success (keeping the interrupt status).
     *
     * Orderings: the partner's message is written (under the lock, or before it) ahead of the
     * RELEASE store of MATCHED, and the waiting party reads its state with ACQUIRE, so the
     * message and everything before the send are visible to the receiver.
     *
     * The lock is held only to queue and unqueue, never across a sleep or a wake, and a
     * waiting thread sleeps through os-wait, so a virtual thread unmounts while it waits.
     * Close settles every waiting party with CLOSED. Unlike the queue channels there is
     * nothing to drain: a sender that was waiting keeps its message and fails.
     */

    private static final int WAITING = 0;
    private static final int MATCHED = 1;
    private static final int CLOSED = 2;

    private final ReentrantLock lock = new ReentrantLock();
    /** Read and written only with {@link #lock} held. */
    private final ArrayDeque<Party<T>> waitingSenders = new ArrayDeque<>();
    /** Read and written only with {@link #lock} held. */
    private final ArrayDeque<Party<T>> waitingReceivers = new ArrayDeque<>();
    /** Written only with {@link #lock} held; volatile so that isClosed needs no lock. */
    private volatile boolean closed;

    RendezvousChannel() {
    }

    // ---- sending

    @Override
    public void send(T message) {
        Objects.requireNonNull(message, "message");
        try {
            settleSend(exchangeAsSender(message, WaitMode.UNINTERRUPTIBLE, 0), message);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    @Override
    public void sendInterruptibly(T message) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        settleSend(exchangeAsSender(message, WaitMode.INTERRUPTIBLE, 0), message);
    }

    @Override
    public boolean trySend(T message) {
        Objects.requireNonNull(message, "message");
        try {
            return settleSend(exchangeAsSender(message, null, 0), message);
        } catch (InterruptedException e) {
            throw new AssertionError("a send that does not wait was interrupted", e);
        }
    }

    @Override
    public boolean trySend(T message, Duration timeout) throws InterruptedException {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (WaitMode.isNone(timeout)) {
            return settleSend(exchangeAsSender(message, null, 0), message);
        }
        long deadline = WaitMode.deadlineAfter(timeout);
        return settleSend(exchangeAsSender(message, WaitMode.TIMED, deadline), message);
    }

    /** True for MATCHED, false for WAITING (gave up); throws for CLOSED, with the message. */
    private static boolean settleSend(int outcome, Object message) {
        if (outcome == CLOSED) {
            throw ChannelClosedException.onSend(message);
        }
        return outcome == MATCHED;
    }

    /**
     * Hands the message to a waiting receiver, or (unless {@code mode} is null) waits for one.
     *
     * @return MATCHED, CLOSED, or WAITING if it gave up
     */
    private int exchangeAsSender(T message, @Nullable WaitMode mode, long deadline)
            throws InterruptedException {
        Party<T> partner;
        Party<T> self = null;
        lock.lock();
        try {
            if (closed) {
                return CLOSED;
            }
            partner = waitingReceivers.pollFirst();
            if (partner != null) {
                partner.queued = false;
                partner.message = message;
            } else if (mode == null) {
                return WAITING;
            } else {
                self = new Party<>(message);
                waitingSenders.addLast(self);
            }
        } finally {
            lock.unlock();
        }
        if (partner != null) {
            settle(partner, MATCHED);
            return MATCHED;
        }
        return await(Objects.requireNonNull(self), waitingSenders, Objects.requireNonNull(mode),
                deadline);
    }

    // ---- receiving

    @Override
    public T receive() {
        return messageOrThrow(receiveUninterruptibly());
    }

    @Override
    public T receiveInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        return messageOrThrow(exchangeAsReceiver(WaitMode.INTERRUPTIBLE, 0));
    }

    @Override
    public @Nullable T tryReceive() {
        try {
            return messageOrNull(exchangeAsReceiver(null, 0));
        } catch (InterruptedException e) {
            throw new AssertionError("a receive that does not wait was interrupted", e);
        }
    }

    @Override
    public @Nullable T tryReceive(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (WaitMode.isNone(timeout)) {
            return messageOrNull(exchangeAsReceiver(null, 0));
        }
        return messageOrNull(exchangeAsReceiver(WaitMode.TIMED,
                WaitMode.deadlineAfter(timeout)));
    }

    @Override
    @Nullable T receiveUnlessDrained() {
        Object found = receiveUninterruptibly();
        return found == DRAINED ? null : cast(found);
    }

    private Object receiveUninterruptibly() {
        try {
            return exchangeAsReceiver(WaitMode.UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    private T messageOrThrow(Object found) {
        if (found == DRAINED) {
            throw ChannelClosedException.onReceive();
        }
        return cast(found);
    }

    private @Nullable T messageOrNull(Object found) {
        return found == EMPTY ? null : messageOrThrow(found);
    }

    @SuppressWarnings("unchecked") // exchangeAsReceiver returns a T whenever it is no marker
    private T cast(Object found) {
        return (T) found;
    }

    /**
     * Takes the message of a waiting sender, or (unless {@code mode} is null) waits for one.
     *
     * @return the message, DRAINED if the channel is closed, or EMPTY if it gave up
     */
    private Object exchangeAsReceiver(@Nullable WaitMode mode, long deadline)
            throws InterruptedException {
        Party<T> partner;
        Party<T> self = null;
        lock.lock();
        try {
            partner = waitingSenders.pollFirst();
            if (partner != null) {
                partner.queued = false;
            } else if (closed) {
                return DRAINED;
            } else if (mode == null) {
                return EMPTY;
            } else {
                self = new Party<>(null);
                waitingReceivers.addLast(self);
            }
        } finally {
            lock.unlock();
        }
        if (partner != null) {
            Object message = Objects.requireNonNull(partner.message);
            settle(partner, MATCHED);
            return message;
        }
        Party<T> waiter = Objects.requireNonNull(self);
        int outcome = await(waiter, waitingReceivers, Objects.requireNonNull(mode), deadline);
        if (outcome == MATCHED) {
            return Objects.requireNonNull(waiter.message);
        }
        return outcome == CLOSED ? DRAINED : EMPTY;
    }

    // ---- waiting, settling, closing

    /** Sleeps until {@code self} is settled; WAITING if it gave up first (and left the queue). */
    private int await(Party<T> self, ArrayDeque<Party<T>> queue, WaitMode mode, long deadline)
            throws InterruptedException {
        while (true) {
            // ACQUIRE: pairs with the RELEASE store in settle.
            int state = self.state.load(ACQUIRE);
            if (state != WAITING) {
                return state;
            }
            boolean inTime;
            try {
                inTime = mode.sleep(self.state, WAITING, deadline);
            } catch (InterruptedException e) {
                if (leave(self, queue)) {
                    throw e;
                }
                // Settled in the same moment: the exchange happened. Keep the interrupt.
                Thread.currentThread().interrupt();
                return awaitSettled(self);
            }
            if (!inTime) {
                return leave(self, queue) ? WAITING : awaitSettled(self);
            }
        }
    }

    /** Removes a party that gives up from its queue; false if a partner or close got it. */
    private boolean leave(Party<T> self, ArrayDeque<Party<T>> queue) {
        lock.lock();
        try {
            if (!self.queued) {
                return false;
            }
            queue.removeFirstOccurrence(self);
            self.queued = false;
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the settling store of a party already taken out of its queue. */
    private static int awaitSettled(Party<?> self) {
        int state = self.state.load(ACQUIRE);
        while (state == WAITING) {
            AtomicWait.wait(self.state, WAITING);
            state = self.state.load(ACQUIRE);
        }
        return state;
    }

    private static void settle(Party<?> party, int outcome) {
        // RELEASE: publishes the message handed over, and everything before it.
        party.state.store(outcome, RELEASE);
        AtomicWait.wakeOne(party.state);
    }

    @Override
    public boolean close() {
        List<Party<T>> waiting = new ArrayList<>();
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            waiting.addAll(waitingSenders);
            waiting.addAll(waitingReceivers);
            waitingSenders.clear();
            waitingReceivers.clear();
            for (Party<T> party : waiting) {
                party.queued = false;
            }
        } finally {
            lock.unlock();
        }
        for (Party<T> party : waiting) {
            settle(party, CLOSED);
        }
        return true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** {@code Channel[rendezvous, 2 senders waiting, open]}; never the messages. */
    @Override
    public String toString() {
        int senders;
        int receivers;
        lock.lock();
        try {
            senders = waitingSenders.size();
            receivers = waitingReceivers.size();
        } finally {
            lock.unlock();
        }
        String waiting = senders > 0 ? senders + " senders waiting"
                : receivers + " receivers waiting";
        return "Channel[rendezvous, " + waiting + ", " + (closed ? "closed" : "open") + "]";
    }

    /** A thread waiting in a queue: the word it sleeps on, and the message it carries. */
    private static final class Party<T> {
        final AtomicU32 state = new AtomicU32(WAITING);
        /** A sender's message, or the one handed to a receiver before it is settled. */
        @Nullable T message;
        /** Whether it is still in its queue; read and written only with the lock held. */
        boolean queued = true;

        Party(@Nullable T message) {
            this.message = message;
        }
    }
}
