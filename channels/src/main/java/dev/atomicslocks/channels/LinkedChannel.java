package dev.atomicslocks.channels;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.jspecify.annotations.Nullable;

/**
 * The unbounded channel: a linked list of array segments, positions handed out as in the
 * bounded channel.
 *
 * @param <T> the type of the messages
 */
final class LinkedChannel<T> extends QueueChannel<T> {

    /*
     * Positions grow without end; position p lives in slot p % SEGMENT_SIZE of the segment
     * numbered p / SEGMENT_SIZE. Segments are linked forward through next, and are never
     * reused: the garbage collector frees a segment once the head and tail have moved past
     * it, so there is no reclamation protocol (the part of such queues that is hard in Rust).
     *
     * Slots: null until the message of the position is stored with RELEASE (messages are
     * never null, so the message itself says the slot is filled), and null again once a
     * receiver has taken it (only to let the garbage collector free the message early).
     * Within a segment, the slots of consecutive positions are SPREAD entries apart (see
     * spread()), for the reason the bounded channel spreads its ring.
     *
     * Sending at tail position t: find the segment numbered t / SEGMENT_SIZE, starting from
     * tailSegment and creating the next segment if nobody has yet (whoever gets there first,
     * by a compare-exchange of the last segment's next, so there is only ever one segment per
     * number); claim t with a compare-exchange of the tail; store the message. The segment is
     * found before the claim, so a sender never stops inside its critical moment to allocate.
     *
     * Receiving at head position h: find the segment numbered h / SEGMENT_SIZE from
     * headSegment; read the slot. Filled: claim h with a compare-exchange of the head, take
     * the message and clear the slot. Null: if the tail is h the channel is empty (drained, if
     * closed); otherwise a sender has claimed h and is storing, so spin (see QueueChannel), or
     * another receiver took h, which the next read of the head shows.
     *
     * headSegment and tailSegment are volatile fields: they change once every SEGMENT_SIZE
     * messages, and any thread that finds one behind its position moves it forward with a
     * compare-exchange. A thread that read a position and then a segment numbered beyond it
     * read a stale position; it reads again.
     *
     * Orderings: the slot's RELEASE store and ACQUIRE load publish the message. The
     * compare-exchanges of the head and tail and the empty check of the tail are volatile,
     * for the sleeping protocol of QueueChannel; senders never sleep here.
     */

    /** Slots per segment; a power of two. Chosen, not measured: larger means fewer links. */
    static final int SEGMENT_SIZE = 256;
    private static final int SEGMENT_SHIFT = Integer.numberOfTrailingZeros(SEGMENT_SIZE);
    private static final long SLOT_MASK = SEGMENT_SIZE - 1;
    /** Array entries between the slots of consecutive positions: 128 bytes of references. */
    private static final int SPREAD = 32;
    private static final int ROWS = SEGMENT_SIZE / SPREAD;

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final VarHandle HEAD_SEGMENT;
    private static final VarHandle TAIL_SEGMENT;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            HEAD_SEGMENT = lookup.findVarHandle(LinkedChannel.class, "headSegment",
                    Segment.class);
            TAIL_SEGMENT = lookup.findVarHandle(LinkedChannel.class, "tailSegment",
                    Segment.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The segment of the head position, or one before it. */
    private volatile Segment headSegment;
    /** The segment of the tail position, or one before it. */
    private volatile Segment tailSegment;

    LinkedChannel() {
        Segment first = new Segment(0);
        headSegment = first;
        tailSegment = first;
    }

    @Override
    int offer(T message) {
        for (int round = 0; ; round++) {
            long tail = tail();
            if (isClosed(tail)) {
                return CLOSED;
            }
            Segment segment = tailSegment;
            long number = tail >>> SEGMENT_SHIFT;
            if (segment.number < number) {
                // The tail has moved into a segment that tailSegment does not show yet.
                TAIL_SEGMENT.compareAndSet(this, segment, segment.nextOrCreate());
                continue;
            }
            if (segment.number == number && compareExchangeTail(tail, tail + 1) == tail) {
                fill(segment, spread(tail), message);
                return SENT;
            }
            // Another sender took the position (or the tail read was stale).
            backOff(round);
        }
    }

    private void fill(Segment segment, int index, T message) {
        // Right after the volatile compare-exchange that claimed the position.
        boolean wake = receiversMaySleep();
        // RELEASE: publishes the message to the receiver's ACQUIRE read of the slot.
        SLOT.setRelease(segment.slots, index, message);
        if (wake) {
            wakeReceiver();
        }
    }

    @Override
    Object poll() {
        for (int round = 0; ; round++) {
            long head = head();
            Segment segment = headSegment;
            long number = head >>> SEGMENT_SHIFT;
            if (segment.number < number) {
                Segment next = segment.next;
                if (next == null) {
                    long tail = tailVolatile();
                    if (position(tail) == head) {
                        return isClosed(tail) ? DRAINED : EMPTY;
                    }
                    // A sender is past the segment's end; the next segment is on its way.
                    next = segment.nextOrCreate();
                }
                HEAD_SEGMENT.compareAndSet(this, segment, next);
                continue;
            }
            if (segment.number == number) {
                int index = spread(head);
                // ACQUIRE: pairs with the sender's RELEASE store of the message.
                Object message = SLOT.getAcquire(segment.slots, index);
                if (message != null) {
                    if (compareExchangeHead(head, head + 1) == head) {
                        // Plain: only frees the reference; nobody waits for this store.
                        segment.slots[index] = null;
                        return message;
                    }
                } else {
                    long tail = tailVolatile();
                    if (position(tail) == head) {
                        return isClosed(tail) ? DRAINED : EMPTY;
                    }
                }
            }
            // A sender is storing, another receiver took the position, or the read was stale.
            backOff(round);
        }
    }

    /**
     * The array entry of the position's slot: consecutive positions are SPREAD entries
     * apart, so that threads on neighbouring positions do not write one cache line.
     */
    private static int spread(long position) {
        int index = (int) (position & SLOT_MASK);
        return (index % ROWS) * SPREAD + index / ROWS;
    }

    @Override
    long size() {
        long head = head();
        return Math.max(0, position(tail()) - head);
    }

    /** {@code Channel[unbounded, 3 queued, open]}; never the messages. */
    @Override
    public String toString() {
        return "Channel[unbounded, " + size() + " queued, " + (isClosed() ? "closed" : "open")
                + "]";
    }

    /** SEGMENT_SIZE consecutive positions, and the link to the next ones. */
    private static final class Segment {
        private static final VarHandle NEXT;

        static {
            try {
                NEXT = MethodHandles.lookup().findVarHandle(Segment.class, "next",
                        Segment.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        /** Which SEGMENT_SIZE positions this holds: number * SEGMENT_SIZE and on. */
        final long number;
        /** The messages; null while unfilled and after they were taken. */
        final @Nullable Object[] slots = new Object[SEGMENT_SIZE];
        volatile @Nullable Segment next;

        Segment(long number) {
            this.number = number;
        }

        /** The next segment, created and linked now if nobody has yet. */
        Segment nextOrCreate() {
            Segment existing = next;
            if (existing != null) {
                return existing;
            }
            Segment created = new Segment(number + 1);
            Segment found = (Segment) NEXT.compareAndExchange(this, null, created);
            return found == null ? created : found;
        }
    }
}
