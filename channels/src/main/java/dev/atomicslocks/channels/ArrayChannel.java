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
     * Orderings: the stamps are read with ACQUIRE and written with RELEASE, pairing with each
     * other; they publish the slot contents both ways (the message to the receiver, the empty
     * slot to the next lap's sender), so the slot itself is read and written plain. The
     * compare-exchanges and the full/empty checks of the head and tail are volatile, for the
     * sleeping protocol of QueueChannel.
     */

    /** The largest capacity: slots are array elements, and the lap size a power of two. */
    static final int MAX_CAPACITY = 1 << 30;

    private static final VarHandle STAMP = MethodHandles.arrayElementVarHandle(long[].class);

    private final int capacity;
    private final long lapSize;
    private final long[] stamps;
    /** Read and written plain; the stamps order every access (see the overview). */
    private final @Nullable Object[] slots;

    ArrayChannel(int capacity) {
        this.capacity = capacity;
        // At least 2: with a lap of 1, "full at p" and "free for p + 1" would be one stamp.
        this.lapSize = Math.max(2, Long.highestOneBit(capacity * 2L - 1));
        this.stamps = new long[capacity];
        this.slots = new Object[capacity];
        for (int index = 0; index < capacity; index++) {
            stamps[index] = index;
        }
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
            int index = (int) (tail & (lapSize - 1));
            // ACQUIRE: pairs with the RELEASE stamp of the receiver that emptied the slot.
            long stamp = (long) STAMP.getAcquire(stamps, index);
            if (stamp == tail) {
                long found = compareExchangeTail(tail, next(tail));
                if (found == tail) {
                    fill(index, tail, message);
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

    private void fill(int index, long position, T message) {
        // Right after the volatile compare-exchange that claimed the position.
        boolean wake = receiversMaySleep();
        slots[index] = message;
        // RELEASE: publishes the message to the receiver's ACQUIRE read of the stamp.
        STAMP.setRelease(stamps, index, position + 1);
        if (wake) {
            wakeReceiver();
        }
    }

    @Override
    Object poll() {
        long head = head();
        for (int round = 0; ; round++) {
            int index = (int) (head & (lapSize - 1));
            // ACQUIRE: pairs with the RELEASE stamp of the sender that filled the slot.
            long stamp = (long) STAMP.getAcquire(stamps, index);
            if (stamp == head + 1) {
                long found = compareExchangeHead(head, next(head));
                if (found == head) {
                    return empty(index, head);
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

    private Object empty(int index, long position) {
        // Right after the volatile compare-exchange that claimed the message.
        boolean wake = sendersMaySleep();
        Object message = Objects.requireNonNull(slots[index]);
        slots[index] = null;
        // RELEASE: hands the empty slot to the sender of the next lap.
        STAMP.setRelease(stamps, index, position + lapSize);
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
}
