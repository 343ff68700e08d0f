package dev.atomicslocks.channels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bounded channel: a ring of slots, each with a stamp that says whose turn it is.
 *
 * @param <T> the type of the messages
 */
final class ArrayChannel<T> extends QueueChannel<T> {

    /*
     * A bounded lock-free ring buffer in the manner of Vyukov's bounded MPMC queue: every slot
     * has a stamp, and a sender or receiver claims a position with a compare-exchange of the
     * tail or head only when the slot's stamp says the position is its turn.
     *
     * Positions: lap * lapSize + index, where index < capacity is the slot and lapSize the
     * smallest power of two >= capacity (equal to it when the capacity is a power of two),
     * but at least 2: a slot's stamps "free for p" and "full at p" must never collide with
     * "free for" another position of the same slot, which p + 1 would be if lapSize were 1.
     * The position after the last slot of a lap is index 0 of the next lap (next()).
     *
     * Stamps (one long per slot, written only with RELEASE after the slot's contents):
     *   stamp == p          slot free for the message at position p (initially p = index)
     *   stamp == p + 1      slot holds the message of position p
     * A receiver that takes the message of position p frees the slot for position
     * p + lapSize, the same slot one lap later.
     *
     * Sending at tail position t: stamp == t: claim t with a compare-exchange of the tail,
     * store the message, stamp t + 1. stamp + lapSize == t + 1: the slot still holds the
     * message of the previous lap; if the head is still at that message (head + lapSize ==
     * t), the channel is full; otherwise a receiver has claimed it and is emptying the slot,
     * so spin. Any other stamp: another sender already took t; read the tail again.
     *
     * Receiving at head position h: stamp == h + 1: claim h with a compare-exchange of the
     * head, take the message, clear the slot, stamp h + lapSize. stamp == h: nothing written
     * at h yet; if the tail is h the channel is empty (and drained, if closed), otherwise a
     * sender has claimed h and is storing, so spin. Any other stamp: another receiver took h.
     *
     * Layout (measured, see the benchmarks README). A slot is a small object holding its
     * stamp and its message together, so that handing a message over moves one cache line
     * instead of two (a stamp array and a message array). And slot objects of consecutive
     * positions are not neighbours: position index i lives at ring[spread(i)], which is
     * SPREAD entries after the one of i - 1 (for rings of at least 2 * SPREAD slots), and the
     * slot objects were allocated in ring order, so two threads working on neighbouring
     * positions (a sender just behind a receiver, or two senders) do not write the same cache
     * line. That removed a slow mode of the two-to-two benchmark, where two senders or two
     * receivers ran at once and bounced each other's lines.
     *
     * Orderings: the stamps are read with ACQUIRE and written with RELEASE, pairing with each
     * other; they publish the slot contents both ways (the message to the receiver, the empty
     * slot to the next lap's sender), so the message field is read and written plain. The
     * compare-exchanges and the full/empty checks of the head and tail are volatile, for the
     * sleeping protocol of QueueChannel.
     */

    /** The largest capacity: slots are array elements, and the lap size a power of two. */
    static final int MAX_CAPACITY = 1 << 30;
    /** Ring entries between two consecutive positions; a power of two. Chosen, then measured. */
    static final int SPREAD = 32;
    private static final int SPREAD_SHIFT = Integer.numberOfTrailingZeros(SPREAD);

    private static final VarHandle STAMP;

    static {
        try {
            STAMP = MethodHandles.lookup().findVarHandle(Slot.class, "stamp", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int capacity;
    private final long lapSize;
    /** The slots, in spread order; entries no index maps to share one unused slot. */
    private final Slot[] ring;
    /** Rows of the spread ring less one (0: too small to spread), and their log. */
    private final int rowMask;
    private final int rowShift;

    ArrayChannel(int capacity) {
        this.capacity = capacity;
        // At least 2: with a lap of 1, "full at p" and "free for p + 1" would be one stamp.
        this.lapSize = Math.max(2, Long.highestOneBit(capacity * 2L - 1));
        int entries = (int) lapSize;
        int rows = entries >= 2 * SPREAD ? entries / SPREAD : 1;
        this.rowMask = rows - 1;
        this.rowShift = Integer.numberOfTrailingZeros(rows);
        this.ring = new Slot[entries];
        Slot unused = new Slot(-1);
        for (int entry = 0; entry < entries; entry++) {
            ring[entry] = unused;
        }
        // In ring order, so that the objects of consecutive positions lie apart in memory.
        boolean[] used = new boolean[entries];
        for (int index = 0; index < capacity; index++) {
            used[spread(index)] = true;
        }
        for (int entry = 0; entry < entries; entry++) {
            if (used[entry]) {
                ring[entry] = new Slot(unspread(entry));
            }
        }
    }

    /** The ring entry of the slot with index {@code index}. */
    private int spread(long index) {
        int i = (int) (index & (lapSize - 1));
        return rowMask == 0 ? i : ((i & rowMask) << SPREAD_SHIFT) | (i >>> rowShift);
    }

    /** The index whose slot is at ring entry {@code entry}; the inverse of spread. */
    private int unspread(int entry) {
        return rowMask == 0 ? entry : ((entry & (SPREAD - 1)) << rowShift)
                | (entry >>> SPREAD_SHIFT);
    }

    /** The position after {@code position}. */
    private long next(long position) {
        long index = position & (lapSize - 1);
        return index + 1 < capacity ? position + 1 : (position & -lapSize) + lapSize;
    }

    @Override
    int offer(T message) {
        long tail = tail();
        for (int round = 0; ; round++) {
            if (isClosed(tail)) {
                return CLOSED;
            }
            Slot slot = ring[spread(tail)];
            // ACQUIRE: pairs with the RELEASE stamp of the receiver that emptied the slot.
            long stamp = (long) STAMP.getAcquire(slot);
            if (stamp == tail) {
                long found = compareExchangeTail(tail, next(tail));
                if (found == tail) {
                    fill(slot, tail, message);
                    return SENT;
                }
                tail = found;
                backOff(round);
                continue;
            }
            if (stamp + lapSize == tail + 1 && headVolatile() + lapSize == tail) {
                return FULL;
            }
            // A receiver is emptying the slot, or another sender took the position.
            backOff(round);
            tail = tail();
        }
    }

    private void fill(Slot slot, long position, T message) {
        // Right after the volatile compare-exchange that claimed the position.
        boolean wake = receiversMaySleep();
        slot.message = message;
        // RELEASE: publishes the message to the receiver's ACQUIRE read of the stamp.
        STAMP.setRelease(slot, position + 1);
        if (wake) {
            wakeReceiver();
        }
    }

    @Override
    Object poll() {
        long head = head();
        for (int round = 0; ; round++) {
            Slot slot = ring[spread(head)];
            // ACQUIRE: pairs with the RELEASE stamp of the sender that filled the slot.
            long stamp = (long) STAMP.getAcquire(slot);
            if (stamp == head + 1) {
                long found = compareExchangeHead(head, next(head));
                if (found == head) {
                    return empty(slot, head);
                }
                head = found;
                backOff(round);
                continue;
            }
            if (stamp == head) {
                long tail = tailVolatile();
                if (position(tail) == head) {
                    return isClosed(tail) ? DRAINED : EMPTY;
                }
            }
            // A sender is filling the slot, or another receiver took the position.
            backOff(round);
            head = head();
        }
    }

    private Object empty(Slot slot, long position) {
        // Right after the volatile compare-exchange that claimed the message.
        boolean wake = sendersMaySleep();
        Object message = Objects.requireNonNull(slot.message);
        slot.message = null;
        // RELEASE: hands the empty slot to the sender of the next lap.
        STAMP.setRelease(slot, position + lapSize);
        if (wake) {
            wakeSender();
        }
        return message;
    }

    @Override
    long size() {
        long head = head();
        long tail = position(tail());
        int lapShift = Long.numberOfTrailingZeros(lapSize);
        long laps = (tail >>> lapShift) - (head >>> lapShift);
        long size = laps * capacity + (tail & (lapSize - 1)) - (head & (lapSize - 1));
        // The two reads are not one snapshot; keep the estimate within its possible range.
        return Math.min(capacity, Math.max(0, size));
    }

    /** {@code Channel[bounded 1024, 3 queued, open]}; never the messages. */
    @Override
    public String toString() {
        return "Channel[bounded " + capacity + ", " + size() + " queued, "
                + (isClosed() ? "closed" : "open") + "]";
    }

    /** One slot of the ring: whose turn it is, and the message while it holds one. */
    private static final class Slot {
        /** Reached through STAMP; see the overview for its values. */
        @SuppressWarnings("UnusedVariable") // read and written through STAMP
        private long stamp;
        /** Read and written plain; the stamp orders every access. */
        @Nullable Object message;

        Slot(long stamp) {
            this.stamp = stamp;
        }
    }
}
