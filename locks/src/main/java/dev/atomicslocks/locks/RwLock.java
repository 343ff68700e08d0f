package dev.atomicslocks.locks;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static dev.atomicslocks.basics.Ordering.SEQ_CST;

import dev.atomicslocks.basics.AtomicU32;
import dev.atomicslocks.oswait.AtomicWait;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A reader-writer lock that owns the value it protects: any number of threads may read the
 * value at once, or one thread may replace it, and waiting threads sleep. The value is reached
 * only through the guard a lock method returns, and closing the guard releases the lock:
 *
 * <pre>{@code
 * RwLock<Map<String, Integer>> prices = new RwLock<>(new HashMap<>());
 * try (var guard = prices.read()) {          // shared with other readers
 *     Integer price = guard.get().get("x");
 * }
 * try (var guard = prices.write()) {         // exclusive
 *     guard.get().put("x", 3);
 * }
 * }</pre>
 *
 * <p>Writers are preferred: once a writer waits, new readers wait behind it, so that a stream
 * of readers cannot keep a writer out. A {@link ReadGuard} gives shared access: a value that
 * can be changed through the reference it hands out must not be changed under a read lock.
 *
 * <p>Blocking: {@link #read()} and {@link #write()} wait without limit and are not
 * interruptible (an interrupt neither ends the wait nor makes it spin, and the status is still
 * set when they return); {@link #readInterruptibly()} and {@link #writeInterruptibly()} throw
 * {@link InterruptedException}; {@link #tryRead(Duration)} and {@link #tryWrite(Duration)}
 * give up after a timeout; {@link #tryRead()} and {@link #tryWrite()} never wait. A waiting
 * virtual thread unmounts from its carrier. None of them returns without the lock except by
 * throwing or, for the try forms, by returning {@code null}. {@code tryRead} fails while a
 * writer holds or waits for the lock.
 *
 * <p>Readers that meet each other do not share one counter. The first time two read locks are
 * held at once, the lock allocates a small table of reader cells (two to four per processor:
 * the power of two at or above twice their number, at most 64; each on its own 128 bytes), and
 * from then on a reader counts itself in the cell of its thread, so readers on different cores
 * do not take the same cache line from each other; a writer then checks every cell before it
 * goes in. A lock used by one thread at a time never allocates the table.
 *
 * <p>Misuse throws {@link IllegalStateException} instead of corrupting the lock: using a guard
 * after it was closed, closing it twice, or using or closing it from a thread other than the
 * one that locked; and asking for a read lock when the reader counts are full (see the
 * limitations), which leaves the lock as it was.
 *
 * <h2>Debug mode</h2>
 * Started with {@code -Ddev.atomicslocks.locks.RwLock.debug=true} (read once, when the class is
 * loaded), every {@code RwLock} remembers which thread holds which of its locks, and a thread
 * that holds a read or the write lock and asks the same {@code RwLock} for another lock gets an
 * {@link IllegalStateException} naming the deadlock instead of the deadlock. This costs a
 * thread-local lookup per lock and unlock, which is why it is off by default.
 *
 * <h2>Limitations</h2>
 * <ul>
 *   <li>Not reentrant. A thread that holds the write lock and asks for either lock waits for
 *       ever, and so does a thread that holds a read lock and asks for the write lock. A
 *       thread that holds a read lock and asks for another usually gets it, but deadlocks if a
 *       writer started waiting in between: the writer waits for the first read lock to be
 *       released, and the second waits behind the writer. Debug mode (above) reports all of
 *       these.
 *   <li>No upgrade from a read to the write lock, and no downgrade.
 *   <li>Not fair: a thread that arrives as the lock is released may take it before one that
 *       has been asleep. Readers woken by a write unlock race with writers, so a continuous
 *       stream of writers can delay readers.
 *   <li>A limit on readers: the state's count and each cell hold at most 67,108,863 read
 *       locks. A reader whose cell is full is counted in the state instead, and one that
 *       finds that full too gets the exception, so at least 67,108,863 read locks can be
 *       held at once, and the exact limit depends on which threads share a cell. The check
 *       lets a count pass its limit for an instant before the reader backs out; only
 *       {@code 2^26} readers arriving at the same instant could wrap it, which no JVM can run.
 *   <li>{@link #tryWrite()} may return {@code null} beside a reader that arrives at the
 *       same instant, saw the writer and backs out: the writer saw the reader in its cell
 *       and gave up. A {@code tryRead} racing with it waits until the writer has decided, so
 *       the two never both fail; that is a few loads, unless the writer's thread is
 *       descheduled in between, in which case the {@code tryRead} spins until it runs again.
 *       {@code tryWrite} costs one atomic instruction more than {@link #write()}.
 *   <li>The reader cells, once allocated, stay: 128 bytes times the number of cells, plus
 *       128, for the life of the lock, and every writer reads them all.
 *   <li>No poisoning: an exception in a write critical section releases the lock as the
 *       try-with-resources block ends, and the value may be left half-updated.
 *   <li>Each lock allocates a small guard object; the JIT usually removes it when the guard
 *       does not escape the try-with-resources block.
 *   <li>A writer that had to sleep cannot tell whether other writers still sleep, so its
 *       unlock wakes one, perhaps finding nobody (as Rust's futex {@code RwLock} does too).
 *       Without sleepers an unlock wakes nobody. Under steady write contention, though,
 *       nearly every write unlock then wakes a writer that loses the lock to a running one
 *       and sleeps again: with four writers on two cores this lock took 1.4 to 1.75 times as
 *       long as {@code ReentrantReadWriteLock}, which keeps one wake-up in flight (see the
 *       benchmarks' README).
 * </ul>
 *
 * @param <T> the type of the protected value
 */
public final class RwLock<T extends @Nullable Object> {

    /*
     * The book's third reader-writer lock (chapter 9, "Avoiding Writer Starvation"), with a
     * faster way in for readers, reader cells once readers meet, marks that tell an unlock
     * whether anybody sleeps, and timed and interruptible forms.
     *
     * The state word (one AtomicU32; readers sleep on it):
     *
     *    31                           5    4    3    2    1    0
     *   +------------------------------+----+----+----+----+----+
     *   |   reader count (27 bits)     | WT | RP | WP | WW | WL |
     *   +------------------------------+----+----+----+----+----+
     *
     *   WL  WRITE_LOCKED    a writer holds the state word: it holds the lock once no reader
     *                       is left in a cell either
     *   WW  WRITER_WAITING  a writer wants the lock: new readers stay out (the book's odd bit)
     *   WP  WRITER_PARKED   a writer may be asleep on writerWake
     *   RP  READERS_PARKED  readers may be asleep on the state
     *   WT  WRITER_TRYING   with WL: a writer that may not wait is checking the cells
     *   count               the readers counted here that hold the lock, plus for an instant
     *                       those on their way in that will back out again (see below)
     *
     *   state                       meaning
     *   0                           unlocked (unless readers are in cells), nobody waits
     *   n*READER                    n readers hold the lock (and any in cells)
     *   n*READER | WW [| WP]        readers hold it; a writer waits for them to leave
     *   WL [| WW] [| WP] [| RP]     a writer holds it, or waits for the cells to empty
     *   WL | WT [| ...]             a tryWrite took the word and is checking the cells
     *
     * The reader cells (readerCells, null until two read locks are held at once; then set
     * once, for good): CELLS ints, each 128 bytes from the next, each counting the read locks
     * taken through it. A thread uses the cell its id selects, so with up to CELLS threads of
     * consecutive ids, no two share one. A reader that took its lock in a cell leaves through
     * it; its guard remembers where it counted itself (a cell index, or IN_STATE).
     *
     * Invariants: RP is set only while a writer bit (WL, WW, WP) is, and whoever clears the
     * last writer bit clears RP too and wakes all readers; every clearing of WP is followed by
     * a wake of one writer, every clearing of RP by a wake of all readers.
     *
     * Readers in cells. Once the cells exist, the way in is a fetch-add of 1 on the thread's
     * cell, then a load of the state: if it shows a writer bit or RP (or the cell is full),
     * the reader takes its 1 back out and goes the slow way below, which counts in the state.
     * The way out is a fetch-sub of 1 on the cell, then a load of the state: if WL is set, a
     * writer may be waiting for the cells to empty, so the reader increments cellsDrained and
     * wakes it. All four accesses are volatile: with the writer's volatile taking of the state
     * word and loads of the cells they are in one total order, so a reader and a writer never
     * both miss each other (the store-then-load pattern needs that order; acquire and release
     * alone do not forbid it). Readers on different cores so write different cache lines and
     * only read the state's, which changes only when writers come.
     *
     * Readers in the state. The way in is one fetch-add of READER (ACQUIRE), where the book
     * compares and exchanges in a loop: a fetch-add cannot fail when other readers change the
     * count at the same moment, so readers on different cores never retry. The reader whose
     * fetch-add finds another reader counted creates the cells. If the new word shows a writer
     * bit, RP, or bit 31 (the count passed MAX_READERS), the reader takes its READER back out
     * and goes the slow way (readContended): while a writer bit is set it sets RP and sleeps
     * on the state while it holds what it saw, and it joins with a compare-exchange once no
     * writer bit is set. The way out is one fetch-sub of READER (RELEASE). The reader that
     * leaves the count at zero while a writer sleeps (WP, no WL) clears WP and wakes one
     * writer through writerWake, the book's 3 -> 1 case. A read unlock wakes nobody otherwise.
     *
     * Writers. A compare-exchange from 0 to WL (SEQ_CST) takes a free state word. Otherwise
     * (writeContended) the writer sets WW, which keeps new readers out, then, while the lock
     * is held, sets WP and sleeps on writerWake after reading its count and checking the
     * state once more, as the book's writers do. It takes the lock with a compare-exchange
     * once neither WL nor a reader is left, clearing WW; one that has slept
     * sets WP again as it takes the lock, since it cannot tell whether other writers still
     * sleep. Unlocking is a fetch-sub of WL (RELEASE); if WW, WP or RP was set, the unlock
     * then clears all three and wakes one writer (if WP) and all readers (if RP), which race
     * for the lock as after the book's store of 0: readers that lose set RP again, writers WW.
     * Whichever way a writer took WL, it then reads the cells (awaitCellReaders): if a
     * reader is in one, it reads cellsDrained, checks the cells again, and sleeps on
     * cellsDrained until the readers' way out has emptied them. A timeout or an interrupt
     * there releases WL as an unlock does. tryWrite, which may not wait, takes the state word
     * with WL | WT and checks the cells once: empty, it clears WT and holds the lock;
     * otherwise it releases WL | WT as an unlock does and fails. A tryRead that backed out of
     * its cell because of WL sees WT and spins until the writer has decided, so the two
     * never both fail.
     *
     * Giving up (timeout, interrupt). A reader leaves nothing behind: RP may stay set, which
     * costs the next write unlock a wake that finds nobody. A writer clears WW and WP (and RP,
     * waking the readers, unless another writer holds the lock) and wakes one writer, since it
     * may have taken a wake meant for another: neither readers nor writers stay shut out by a
     * writer that left, and every woken thread sets its marks again if it must still wait.
     *
     * Orderings: each access that takes a lock is ACQUIRE (or stronger) and each that releases
     * one is RELEASE (or stronger), pairing with each other, so a reader sees the last writer's
     * writes and a writer changes nothing a reader might still read. Setting or clearing a mark
     * publishes nothing and is RELAXED. writerWake is incremented with RELEASE after the state
     * changed and read with ACQUIRE before the state is checked again: a writer that read the
     * old count either sees the new state, or sleeps on a count that no longer holds and
     * returns at once, or is asleep when the wake comes. The unsigned reading and Java's access
     * modes for each ordering: see the package documentation of dev.atomicslocks.basics. The
     * accesses that decide between a reader in a cell and a writer are SEQ_CST (see "Readers in
     * cells"), and cellsDrained pairs with the cells as writerWake does with the state.
     *
     * Progress: a waiting writer keeps new readers out, so it gets in once the readers inside
     * leave; nobody is served in arrival order.
     *
     * Differences from the book's rwlock_3, all deliberate:
     *   - readers enter with a fetch-add and leave with a fetch-sub (the book: a
     *     compare-exchange loop), so the read fast path is two locked instructions that never
     *     retry, and no wake call when no writer sleeps;
     *   - once readers meet, they count themselves in cells, one cache line pair per group of
     *     threads, instead of all in the state word: four readers on two cores then read in
     *     21 ns each instead of 127 (RwLockBenchmark), at the price of a writer reading every
     *     cell;
     *   - the writer marks are bits of their own (the book: an odd state and u32::MAX), so the
     *     reader count survives while a writer holds the lock, as fetch-add needs;
     *   - no spinning before sleeping, as in the book's rwlocks (not its mutex_3): with four
     *     threads on this two-core machine (benchmarks, RwLockBenchmark), a waiter that spins
     *     keeps both cores fighting over the lock word; in one run side by side, 100 spins for
     *     readers and writers took 1.3 times as long read-mostly and 1.7 times write-only as
     *     no spinning (MutexCore found the same for its mutex);
     *   - RP and WP record sleepers, so an unlock wakes only when someone may sleep (the book
     *     wakes a writer and all readers on every write unlock);
     *   - too many readers throw before the lock changes (the book panics);
     *   - timed and interruptible forms, checked guards and a debug mode.
     */

    /** A writer holds the lock. */
    private static final int WRITE_LOCKED = 1;
    /** A writer wants the lock; new readers stay out. */
    private static final int WRITER_WAITING = 1 << 1;
    /** A writer may be asleep on writerWake. */
    private static final int WRITER_PARKED = 1 << 2;
    /** Readers may be asleep on the state. */
    private static final int READERS_PARKED = 1 << 3;
    /**
     * With WL: a writer that may not wait took the state word and is checking the cells; it
     * keeps WL only if they are empty.
     */
    private static final int WRITER_TRYING = 1 << 4;
    /** One reader in the count. */
    private static final int READER = 1 << 5;
    /** The reader count's bits, 5 to 31. */
    private static final int READER_MASK = -READER;
    /** Set in the count once it passes MAX_READERS: the newest reader is one too many. */
    private static final int READER_OVERFLOW = 1 << 31;
    /** The most readers the state's count, and each cell, may hold at once: 2^26 - 1. */
    static final int MAX_READERS = (READER_OVERFLOW >>> 5) - 1;
    private static final String MAX_READERS_TEXT = "67,108,863";
    /** Bits that keep a reader out. */
    private static final int WRITER_BITS = WRITE_LOCKED | WRITER_WAITING | WRITER_PARKED;
    /** Bits that send a reader that has just added itself down the slow path. */
    private static final int READ_FAST_PATH_BLOCKERS =
            WRITER_BITS | READERS_PARKED | READER_OVERFLOW;
    /** The marks a write unlock clears and acts on. */
    private static final int WAITER_BITS = WRITER_WAITING | WRITER_PARKED | READERS_PARKED;

    /** How a slow path sleeps. */
    static final int UNINTERRUPTIBLE = 0;
    static final int INTERRUPTIBLE = 1;
    static final int TIMED = 2;

    /** The system property that switches debug mode on for every RwLock. */
    public static final String DEBUG_PROPERTY = "dev.atomicslocks.locks.RwLock.debug";
    /** Whether {@link #DEBUG_PROPERTY} was {@code true} when this class was loaded. */
    static final boolean DEBUG_BY_DEFAULT = Boolean.getBoolean(DEBUG_PROPERTY);

    /** Reader cells: how many there are, a power of two. */
    static final int CELLS = Math.min(64,
            Integer.highestOneBit(2 * Runtime.getRuntime().availableProcessors() - 1) << 1);
    /** Ints from one reader cell to the next: 128 bytes, two cache lines. */
    private static final int CELL_STRIDE = 32;
    /** What a fast read returns when the read lock is held through the state's count. */
    static final int IN_STATE = -1;
    /** For the constructor: no reader cells until two read locks are held at once. */
    static final int NO_CELLS = -1;
    /** What a fast read returns when it took no lock. */
    static final int NOT_TAKEN = -2;
    private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(int[].class);
    private static final VarHandle READER_CELLS;

    static {
        try {
            READER_CELLS = MethodHandles.lookup()
                    .findVarHandle(RwLock.class, "readerCells", int[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final AtomicU32 state;
    /** Incremented, then woken, to wake a sleeping writer; writers sleep on it. */
    private final AtomicU32 writerWake = new AtomicU32(0);
    /**
     * Incremented, then woken, by a reader leaving a cell while a writer holds WL; the writer
     * that waits for the cells to empty sleeps on it.
     */
    private final AtomicU32 cellsDrained = new AtomicU32(0);
    /** Whether readers may move to cells; false for {@link RawRwLock}. */
    private final boolean cellsAllowed;
    /**
     * Null until two read locks are held at once; then the reader cells, each counting the
     * read locks taken through it, one cell in every {@link #CELL_STRIDE} ints. Set once.
     */
    private volatile int @Nullable [] readerCells;
    /** Who holds what; only in debug mode, so that the fast paths stay free of it. */
    private final @Nullable RwLockHolds holds;
    /** Written only while the write lock is held; read while either lock is held. */
    private T value;

    /**
     * A reader-writer lock, unlocked, protecting {@code value}; in debug mode if
     * {@link #DEBUG_PROPERTY} was set.
     */
    public RwLock(T value) {
        this(value, 0, NO_CELLS, DEBUG_BY_DEFAULT, true);
    }

    /**
     * A lock whose count starts at {@code phantomReaders} read holds that nobody releases (0
     * for a real lock; tests use more to reach the reader limit), in debug mode or not.
     */
    RwLock(T value, int phantomReaders, boolean debug) {
        this(value, phantomReaders, NO_CELLS, debug, true);
    }

    /**
     * As above, and with reader cells from the start, each holding
     * {@code phantomReadersPerCell} read holds nobody releases, unless that is
     * {@link #NO_CELLS}; {@code cellsAllowed} false keeps every reader in the state's count.
     */
    RwLock(T value, int phantomReaders, int phantomReadersPerCell, boolean debug,
            boolean cellsAllowed) {
        if (phantomReaders < 0 || phantomReaders > MAX_READERS) {
            throw new IllegalArgumentException("phantomReaders out of range: " + phantomReaders);
        }
        if (phantomReadersPerCell < NO_CELLS || phantomReadersPerCell > MAX_READERS
                || (phantomReadersPerCell != NO_CELLS && !cellsAllowed)) {
            throw new IllegalArgumentException(
                    "phantomReadersPerCell out of range: " + phantomReadersPerCell);
        }
        this.state = new AtomicU32(phantomReaders * READER);
        this.cellsAllowed = cellsAllowed;
        if (phantomReadersPerCell != NO_CELLS) {
            int[] cells = newCells();
            for (int i = CELL_STRIDE; i < cells.length; i += CELL_STRIDE) {
                cells[i] = phantomReadersPerCell;
            }
            this.readerCells = cells;
        }
        this.holds = debug ? new RwLockHolds() : null;
        this.value = value;
    }

    /**
     * A lock whose readers count themselves in cells from the start, as every lock's do once
     * two read locks were held at once; for tests.
     */
    static <T extends @Nullable Object> RwLock<T> withCellsFromTheStart(T value) {
        return new RwLock<>(value, 0, 0, false, true);
    }

    static int readerCount(int s) {
        return s >>> 5;
    }

    static boolean isWriteLocked(int s) {
        return (s & WRITE_LOCKED) != 0;
    }

    /** A writer holds, wants or sleeps waiting for the lock: readers stay out. */
    static boolean hasWriter(int s) {
        return (s & WRITER_BITS) != 0;
    }

    /** Neither a writer nor a reader holds the lock: a writer may take it. */
    static boolean isFreeForWriter(int s) {
        return (s & (READER_MASK | WRITE_LOCKED)) == 0;
    }

    /** The count just reached zero while a writer sleeps and none holds the lock. */
    private static boolean isLastReaderBeforeSleepingWriter(int s) {
        return (s & (READER_MASK | WRITE_LOCKED | WRITER_PARKED)) == WRITER_PARKED;
    }

    // ---- the public API ----

    /**
     * Waits until no writer holds or waits for the lock and takes a read lock, shared with
     * other readers. Not interruptible: an interrupt leaves the thread waiting, and its
     * interrupt status is still set when this returns.
     *
     * @throws IllegalStateException if the reader counts are full (this thread's cell, if
     *     the lock has cells, and the state's count: 67,108,863 read locks each), or, in
     *     debug mode, if this thread already holds a lock of this {@code RwLock}
     */
    public ReadGuard<T> read() {
        checkNotHolding("read");
        int cell = readFast();
        if (cell == NOT_TAKEN) {
            readContendedUninterruptibly();
            cell = IN_STATE;
        }
        return newReadGuard(cell);
    }

    /**
     * As {@link #read()}, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and no lock taken
     * @throws IllegalStateException as {@link #read()} does
     */
    public ReadGuard<T> readInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        checkNotHolding("readInterruptibly");
        int cell = readFast();
        if (cell == NOT_TAKEN) {
            readContended(INTERRUPTIBLE, 0);
            cell = IN_STATE;
        }
        return newReadGuard(cell);
    }

    /**
     * Takes a read lock if no writer holds or waits for the lock, without waiting.
     *
     * <p>The result may be used directly as a resource, since try-with-resources skips a null
     * one: {@code try (var guard = lock.tryRead()) { if (guard != null) { ... } }}.
     *
     * @return the guard, or {@code null} if a writer holds or waits for the lock
     * @throws IllegalStateException as {@link #read()} does
     */
    public @Nullable ReadGuard<T> tryRead() {
        checkNotHolding("tryRead");
        int cell = readFast();
        if (cell != NOT_TAKEN) {
            return newReadGuard(cell);
        }
        return tryReadSlow() ? newReadGuard(IN_STATE) : null;
    }

    /**
     * Waits at most {@code timeout} for a read lock. A zero or negative timeout tries once
     * without waiting; a timeout too long to represent in nanoseconds waits without limit.
     *
     * @return the guard, or {@code null} if the timeout elapsed first
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and no lock taken
     * @throws IllegalStateException as {@link #read()} does
     */
    public @Nullable ReadGuard<T> tryRead(Duration timeout) throws InterruptedException {
        long nanos = toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        checkNotHolding("tryRead");
        int cell = readFast();
        if (cell != NOT_TAKEN) {
            return newReadGuard(cell);
        }
        boolean taken = nanos == 0
                ? tryReadSlow()
                : readContended(TIMED, System.nanoTime() + nanos);
        return taken ? newReadGuard(IN_STATE) : null;
    }

    /**
     * Waits until nobody holds the lock and takes it for writing. While it waits, new readers
     * wait behind it. Not interruptible: an interrupt leaves the thread waiting, and its
     * interrupt status is still set when this returns.
     *
     * @throws IllegalStateException in debug mode, if this thread already holds a lock of
     *     this {@code RwLock}
     */
    public WriteGuard<T> write() {
        checkNotHolding("write");
        if (!tryWriteFast()) {
            writeContendedUninterruptibly();
        }
        awaitCellReadersUninterruptibly();
        return newWriteGuard();
    }

    /**
     * As {@link #write()}, unless the thread is interrupted first.
     *
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared, no lock taken, and readers no longer wait for
     *     this thread
     * @throws IllegalStateException as {@link #write()} does
     */
    public WriteGuard<T> writeInterruptibly() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        checkNotHolding("writeInterruptibly");
        if (!tryWriteFast()) {
            writeContended(INTERRUPTIBLE, 0);
        }
        awaitCellReaders(INTERRUPTIBLE, 0);
        return newWriteGuard();
    }

    /**
     * Takes the write lock if nobody holds the lock, without waiting.
     *
     * @return the guard, or {@code null} if a reader or a writer holds the lock
     * @throws IllegalStateException as {@link #write()} does
     */
    public @Nullable WriteGuard<T> tryWrite() {
        checkNotHolding("tryWrite");
        return tryWriteNow() ? newWriteGuard() : null;
    }

    /**
     * Waits at most {@code timeout} for the write lock. A zero or negative timeout tries once
     * without waiting; a timeout too long to represent in nanoseconds waits without limit.
     *
     * @return the guard, or {@code null} if the timeout elapsed first; readers then no longer
     *     wait for this thread
     * @throws InterruptedException if the thread was interrupted before or while waiting; the
     *     interrupt status is then cleared and no lock taken
     * @throws IllegalStateException as {@link #write()} does
     */
    public @Nullable WriteGuard<T> tryWrite(Duration timeout) throws InterruptedException {
        long nanos = toNanos(timeout);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        checkNotHolding("tryWrite");
        if (nanos == 0) {
            return tryWriteNow() ? newWriteGuard() : null;
        }
        long deadline = System.nanoTime() + nanos;
        boolean taken = (tryWriteFast() || writeContended(TIMED, deadline))
                && awaitCellReaders(TIMED, deadline);
        return taken ? newWriteGuard() : null;
    }

    /**
     * Whether a writer holds the lock at this moment; for monitoring, not for deciding whether
     * to lock (the answer may be stale by the time it is used). It is also true while a
     * writer that has taken the lock's state word waits for readers still in their cells to
     * leave, or checks whether any are there.
     */
    public boolean isWriteLocked() {
        return isWriteLocked(state.load(RELAXED));
    }

    /**
     * How many read locks are held at this moment, {@link Integer#MAX_VALUE} if more; for
     * monitoring. For an instant it may also count a reader on its way in that will find a
     * writer and back out. The state's count and the cells are read one after the other, so
     * while readers come and go the sum is not one moment's.
     */
    public int readerCount() {
        return saturated(readersInState() + readersInCells());
    }

    private static int saturated(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    /** The read locks counted in the state word; for tests. */
    int readersInState() {
        return readerCount(state.load(RELAXED));
    }

    /**
     * The state, never the value: {@code RwLock[unlocked]}, {@code RwLock[read-locked by 2]}
     * or {@code RwLock[write-locked]}, followed by what waits, as in
     * {@code RwLock[read-locked by 1, writer waiting, writer sleeping, readers sleeping]}.
     */
    @Override
    public String toString() {
        return describe("RwLock");
    }

    /** The state as {@link #toString()} shows it, after {@code name}. */
    String describe(String name) {
        int s = state.load(RELAXED);
        long readers = readerCount(s) + readersInCells();
        StringBuilder text = new StringBuilder(name).append('[');
        if (isWriteLocked(s)) {
            text.append("write-locked");
        } else if (readers > 0) {
            text.append("read-locked by ").append(saturated(readers));
        } else {
            text.append("unlocked");
        }
        if ((s & WRITER_WAITING) != 0) {
            text.append(", writer waiting");
        }
        if ((s & WRITER_PARKED) != 0) {
            text.append(", writer sleeping");
        }
        if ((s & READERS_PARKED) != 0) {
            text.append(", readers sleeping");
        }
        return text.append(']').toString();
    }

    // ---- guards and debug mode ----

    /** A guard for the read lock just taken, in {@code cell} or {@link #IN_STATE}. */
    private ReadGuard<T> newReadGuard(int cell) {
        if (holds != null) {
            holds.readAcquired();
        }
        return new ReadGuard<>(this, Thread.currentThread(), cell);
    }

    private WriteGuard<T> newWriteGuard() {
        if (holds != null) {
            holds.writeAcquired();
        }
        return new WriteGuard<>(this, Thread.currentThread());
    }

    private void closeReadGuard(int cell) {
        if (holds != null) {
            holds.readReleased();
        }
        if (cell == IN_STATE) {
            releaseRead();
        } else {
            leaveCell(cell);
        }
    }

    private void closeWriteGuard() {
        if (holds != null) {
            holds.writeReleased();
        }
        releaseWrite();
    }

    private void checkNotHolding(String operation) {
        if (holds != null) {
            holds.checkNotHolding("RwLock", operation);
        }
    }

    /** The timeout in nanoseconds, saturated, and 0 for a negative one. */
    static long toNanos(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        // convert() saturates; a negative timeout is clamped to zero, since now +
        // Long.MIN_VALUE would wrap into the future. Deadlines are compared by subtraction.
        return Math.max(0, TimeUnit.NANOSECONDS.convert(timeout));
    }

    // ---- the algorithm: readers ----

    /**
     * The fast way in for {@code RwLock}'s own guards: where this thread now holds a read
     * lock, a reader cell's index or {@link #IN_STATE}; {@link #NOT_TAKEN} if it holds
     * nothing and should take the slow way.
     */
    private int readFast() {
        int[] cells = readerCells;
        if (cells != null) {
            return readThroughCell(cells);
        }
        return tryReadFast() ? IN_STATE : NOT_TAKEN;
    }

    /**
     * The fast way in through the state's count: true if this thread now holds a read lock.
     * On false it holds nothing and should take the slow way.
     */
    boolean tryReadFast() {
        // ACQUIRE: pairs with the RELEASE of the write unlock, so the reader sees its writes.
        int now = state.fetchAdd(READER, ACQUIRE) + READER;
        if ((now & READ_FAST_PATH_BLOCKERS) == 0) {
            if (readerCount(now) > 1 && cellsAllowed && readerCells == null) {
                createCells();
            }
            return true;
        }
        backOutReader();
        return false;
    }

    /** Two read locks are held at once: from now on readers count themselves in cells. */
    private void createCells() {
        // The array is published by a volatile compare-and-set; a reader that reads it still
        // null keeps using the state's count, which writers check as well.
        READER_CELLS.compareAndSet(this, null, newCells());
    }

    /** Empty reader cells: CELLS of them after the unused cell 0, CELL_STRIDE ints apart. */
    private static int[] newCells() {
        return new int[(CELLS + 1) * CELL_STRIDE];
    }

    /** The index in the cells of the calling thread's cell; cell 0 stays unused. */
    private static int cellIndex() {
        return (((int) Thread.currentThread().threadId() & (CELLS - 1)) + 1) * CELL_STRIDE;
    }

    /**
     * The fast way in through the calling thread's cell: the cell's index if it now holds a
     * read lock; {@link #NOT_TAKEN} if a writer holds or waits for the lock (or the cell is
     * full), leaving the cell as it was.
     */
    private int readThroughCell(int[] cells) {
        int index = cellIndex();
        // Volatile (SEQ_CST), as is the load of the state after it: the increment and a
        // writer's taking of the state word are then in one order, so either the writer sees
        // this reader in its cell, or this reader sees the writer's bit and backs out.
        int held = (int) CELL.getAndAdd(cells, index, 1) + 1;
        // SEQ_CST: also ACQUIRE, pairing with the RELEASE of the last write unlock.
        int s = state.load(SEQ_CST);
        if ((s & (WRITER_BITS | READERS_PARKED)) == 0 && held <= MAX_READERS) {
            return index;
        }
        leaveCell(cells, index);
        return NOT_TAKEN;
    }

    /** Releases a read lock counted in the cell at {@code index}. */
    private void leaveCell(int index) {
        leaveCell(Objects.requireNonNull(readerCells), index);
    }

    private void leaveCell(int[] cells, int index) {
        // Volatile: RELEASE for the writer that reads the cell next, and ordered before the
        // load of the state, as the writer orders its taking of WL before reading the cells.
        CELL.getAndAdd(cells, index, -1);
        if (isWriteLocked(state.load(SEQ_CST))) {
            // A writer holds WL and may be asleep until the cells empty; it checks them again.
            // RELEASE, after the cell changed: pairs with the ACQUIRE in awaitCellReaders.
            cellsDrained.fetchAdd(1, RELEASE);
            AtomicWait.wakeOne(cellsDrained);
        }
    }

    /** Whether readers count themselves in cells now; for tests. */
    boolean usesReaderCells() {
        return readerCells != null;
    }

    /** The read locks counted in cells at this moment; for tests too. */
    long readersInCells() {
        int[] cells = readerCells;
        if (cells == null) {
            return 0;
        }
        long sum = 0;
        for (int i = CELL_STRIDE; i < cells.length; i += CELL_STRIDE) {
            sum += (int) CELL.getVolatile(cells, i);
        }
        return sum;
    }

    /** True if no read lock is counted in any cell. */
    private static boolean cellsEmpty(int[] cells) {
        for (int i = CELL_STRIDE; i < cells.length; i += CELL_STRIDE) {
            // Volatile: ACQUIRE, pairing with the RELEASE of the reader's way out, and after
            // the writer's taking of WL in the single order of volatile accesses.
            if ((int) CELL.getVolatile(cells, i) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Takes back the READER that the fast path added to a lock it could not read. */
    private void backOutReader() {
        // RELAXED: this reader read nothing. A read-modify-write continues the release
        // sequence of the readers that left before, so a writer that reads this value still
        // synchronizes with them.
        int now = state.fetchSub(READER, RELAXED) - READER;
        if (isLastReaderBeforeSleepingWriter(now)) {
            wakeSleepingWriter();
        }
    }

    /** One attempt without waiting, after the fast path failed. */
    boolean tryReadSlow() {
        int s = state.load(RELAXED);
        while ((s & WRITER_TRYING) != 0) {
            // A writer that may not wait either is checking the cells: its answer comes
            // within a few loads, and it may be that this reader's cell made it give up.
            Thread.onSpinWait();
            s = state.load(RELAXED);
        }
        while (!hasWriter(s)) {
            checkReaderLimit(s);
            // ACQUIRE: as in tryReadFast.
            int found = state.compareExchange(s, s + READER, ACQUIRE, RELAXED);
            if (found == s) {
                return true;
            }
            s = found;
        }
        return false;
    }

    void readContendedUninterruptibly() {
        try {
            readContended(UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /**
     * Waits for a read lock: true once it is held, false only in TIMED mode when the
     * {@code deadline} passed first.
     */
    boolean readContended(int mode, long deadline) throws InterruptedException {
        int s = state.load(RELAXED);
        while (true) {
            if (!hasWriter(s)) {
                checkReaderLimit(s);
                // ACQUIRE: as in tryReadFast.
                int found = state.compareExchange(s, s + READER, ACQUIRE, RELAXED);
                if (found == s) {
                    return true;
                }
                s = found;
                continue;
            }
            if ((s & READERS_PARKED) == 0) {
                // RELAXED: the mark publishes nothing; whoever clears it wakes the readers.
                int found = state.compareExchange(s, s | READERS_PARKED, RELAXED, RELAXED);
                if (found != s) {
                    s = found;
                    continue;
                }
                s |= READERS_PARKED;
            }
            if (!sleep(state, s, mode, deadline)) {
                return false;
            }
            s = state.load(RELAXED);
        }
    }

    private static void checkReaderLimit(int s) {
        if (readerCount(s) >= MAX_READERS) {
            throw new IllegalStateException("too many readers: this lock counts "
                    + MAX_READERS_TEXT + " read locks already, its limit; the lock is left as"
                    + " it was");
        }
    }

    /** Releases a read lock. */
    void releaseRead() {
        // RELEASE: pairs with the ACQUIRE by which the next writer takes the lock.
        int now = state.fetchSub(READER, RELEASE) - READER;
        if (isLastReaderBeforeSleepingWriter(now)) {
            wakeSleepingWriter();
        }
    }

    /** Clears WRITER_PARKED and wakes one writer, if the lock is still free for it. */
    private void wakeSleepingWriter() {
        int s = state.load(RELAXED);
        while (isLastReaderBeforeSleepingWriter(s)) {
            // RELAXED: handing over the mark publishes nothing.
            int found = state.compareExchange(s, s & ~WRITER_PARKED, RELAXED, RELAXED);
            if (found == s) {
                wakeOneWriter();
                return;
            }
            s = found;
        }
    }

    private void wakeOneWriter() {
        // RELEASE, after the state changed: pairs with the ACQUIRE load in sleepAsWriter.
        writerWake.fetchAdd(1, RELEASE);
        AtomicWait.wakeOne(writerWake);
    }

    // ---- the algorithm: writers ----

    /**
     * This thread holds WL in the state; true once no reader is left in a cell either, and
     * the write lock is this thread's. If the cells do not empty before the deadline (TIMED)
     * or the thread is interrupted (INTERRUPTIBLE), releases WL and returns false or throws.
     */
    private boolean awaitCellReaders(int mode, long deadline) throws InterruptedException {
        // Volatile, after the SEQ_CST taking of WL: if a reader used the cells, this sees them.
        int[] cells = readerCells;
        if (cells == null) {
            return true;
        }
        while (true) {
            // Count first, cells second: a reader leaving in between has changed the count.
            int seen = cellsDrained.load(ACQUIRE);
            if (cellsEmpty(cells)) {
                return true;
            }
            boolean inTime;
            try {
                inTime = sleep(cellsDrained, seen, mode, deadline);
            } catch (InterruptedException e) {
                releaseWrite();
                throw e;
            }
            if (!inTime) {
                if (cellsEmpty(cells)) {
                    return true;
                }
                releaseWrite();
                return false;
            }
        }
    }

    private void awaitCellReadersUninterruptibly() {
        try {
            awaitCellReaders(UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /**
     * One attempt at the write lock that does not wait: takes the state word with WL and
     * WRITER_TRYING if it is free, then keeps it only if no reader is in a cell. Readers
     * that back out of their cells meanwhile see WRITER_TRYING and, in {@link #tryReadSlow},
     * wait for the outcome instead of giving up, so that the two attempts never both fail.
     */
    private boolean tryWriteNow() {
        int s = state.load(RELAXED);
        while (isFreeForWriter(s)) {
            int next = (s & ~WRITER_WAITING) | WRITE_LOCKED | WRITER_TRYING;
            // SEQ_CST: as in tryWriteFast.
            int found = state.compareExchange(s, next, SEQ_CST, RELAXED);
            if (found == s) {
                // Volatile, after the taking: if a reader used the cells, this sees them.
                int[] cells = readerCells;
                if (cells == null || cellsEmpty(cells)) {
                    // RELAXED: WL, which stays, is what keeps readers out.
                    state.fetchAnd(~WRITER_TRYING, RELAXED);
                    return true;
                }
                // RELEASE: a reader that joins next reads nothing this thread wrote, but the
                // release keeps the state's release sequence whole.
                int before = state.fetchSub(WRITE_LOCKED | WRITER_TRYING, RELEASE);
                if ((before & WAITER_BITS) != 0) {
                    releaseWriteContended();
                }
                return false;
            }
            s = found;
        }
        return false;
    }

    /**
     * The fast way in: true if the lock was free and this thread now holds its state word.
     * With reader cells the writer must then wait for them (awaitCellReaders); RawRwLock's
     * lock has no cells, so this is the whole of its fast path.
     */
    boolean tryWriteFast() {
        // SEQ_CST: ACQUIRE, pairing with the RELEASE of the previous unlock, read or write,
        // and in one order with the readers' cell increments (see readThroughCell).
        return state.compareExchange(0, WRITE_LOCKED, SEQ_CST, RELAXED) == 0;
    }

    /**
     * One attempt without waiting, after the fast path failed: RawRwLock's, whose lock has no
     * reader cells. RwLock's own tryWrite goes through tryWriteNow, which checks the cells.
     */
    boolean tryWriteSlow() {
        int s = state.load(RELAXED);
        while (isFreeForWriter(s)) {
            if (takeForWriter(s, false)) {
                return true;
            }
            s = state.load(RELAXED);
        }
        return false;
    }

    /**
     * Takes the lock from the free state {@code s}, clearing WRITER_WAITING; a writer that
     * slept sets WRITER_PARKED for the others that may still sleep.
     */
    private boolean takeForWriter(int s, boolean slept) {
        int next = (s & ~WRITER_WAITING) | WRITE_LOCKED | (slept ? WRITER_PARKED : 0);
        // SEQ_CST: as in tryWriteFast.
        return state.compareExchange(s, next, SEQ_CST, RELAXED) == s;
    }

    void writeContendedUninterruptibly() {
        try {
            writeContended(UNINTERRUPTIBLE, 0);
        } catch (InterruptedException e) {
            throw new AssertionError("an uninterruptible wait was interrupted", e);
        }
    }

    /**
     * Waits for the write lock: true once it is held, false only in TIMED mode when the
     * {@code deadline} passed first.
     */
    boolean writeContended(int mode, long deadline) throws InterruptedException {
        boolean slept = false;
        int s = state.load(RELAXED);
        while (true) {
            if (isFreeForWriter(s)) {
                if (takeForWriter(s, slept)) {
                    return true;
                }
                s = state.load(RELAXED);
                continue;
            }
            if ((s & WRITER_WAITING) == 0) {
                // RELAXED: keeping new readers out publishes nothing.
                int found = state.compareExchange(s, s | WRITER_WAITING, RELAXED, RELAXED);
                if (found != s) {
                    s = found;
                    continue;
                }
                s |= WRITER_WAITING;
            }
            if ((s & WRITER_PARKED) == 0) {
                // RELAXED: the mark publishes nothing; whoever clears it wakes a writer.
                int found = state.compareExchange(s, s | WRITER_PARKED, RELAXED, RELAXED);
                if (found != s) {
                    s = found;
                    continue;
                }
            }
            slept = true;
            if (!sleepAsWriter(mode, deadline)) {
                return false;
            }
            s = state.load(RELAXED);
        }
    }

    /**
     * Sleeps on writerWake unless the lock was freed or WRITER_PARKED cleared meanwhile;
     * false if the deadline passed. A writer that gives up, by timeout or interrupt, first
     * withdraws through {@link #abandonWrite()}.
     */
    private boolean sleepAsWriter(int mode, long deadline) throws InterruptedException {
        // Count first, state second: a release in between has changed the count.
        int seen = writerWake.load(ACQUIRE);
        int s = state.load(RELAXED);
        if (isFreeForWriter(s) || (s & WRITER_PARKED) == 0) {
            return true;
        }
        boolean inTime;
        try {
            inTime = sleep(writerWake, seen, mode, deadline);
        } catch (InterruptedException e) {
            abandonWrite();
            throw e;
        }
        if (!inTime) {
            abandonWrite();
        }
        return inTime;
    }

    /**
     * A waiting writer gives up: it stops keeping readers out and hands on the wake it may
     * have taken from another writer.
     */
    private void abandonWrite() {
        int s = state.load(RELAXED);
        while (true) {
            int next = s & ~(WRITER_WAITING | WRITER_PARKED);
            if (!isWriteLocked(s)) {
                next &= ~READERS_PARKED;
            }
            // RELAXED: withdrawing the marks publishes nothing.
            int found = state.compareExchange(s, next, RELAXED, RELAXED);
            if (found == s) {
                break;
            }
            s = found;
        }
        wakeOneWriter();
        if (!isWriteLocked(s) && (s & READERS_PARKED) != 0) {
            AtomicWait.wakeAll(state);
        }
    }

    /** Releases the write lock. */
    void releaseWrite() {
        // RELEASE: publishes the writer's writes to the next thread that takes the lock.
        int before = state.fetchSub(WRITE_LOCKED, RELEASE);
        if ((before & WAITER_BITS) != 0) {
            releaseWriteContended();
        }
    }

    /** The write unlock found marks: clears them and wakes whoever they name. */
    private void releaseWriteContended() {
        // RELAXED: the lock is already released; this only takes the marks.
        int marks = state.fetchAnd(~WAITER_BITS, RELAXED);
        if ((marks & WRITER_PARKED) != 0) {
            wakeOneWriter();
        }
        if ((marks & READERS_PARKED) != 0) {
            AtomicWait.wakeAll(state);
        }
    }

    /**
     * Sleeps on {@code word} while it holds {@code expected}, in the given mode; false only if
     * the deadline passed.
     */
    private static boolean sleep(AtomicU32 word, int expected, int mode, long deadline)
            throws InterruptedException {
        switch (mode) {
            case UNINTERRUPTIBLE -> AtomicWait.wait(word, expected);
            case INTERRUPTIBLE -> AtomicWait.waitInterruptibly(word, expected);
            default -> {
                if (deadline - System.nanoTime() <= 0) {
                    return false;
                }
                return AtomicWait.waitUntil(word, expected, deadline);
            }
        }
        return true;
    }

    /**
     * Shared access to the value of an {@link RwLock} while a read lock is held; closing it
     * releases the read lock. A guard belongs to the thread that locked: any use from another
     * thread, and any use after {@link #close()}, throws {@link IllegalStateException}.
     *
     * @param <T> the type of the protected value
     */
    public static final class ReadGuard<T extends @Nullable Object> implements AutoCloseable {
        private final RwLock<T> lock;
        private final Thread owner;
        /** Where the read lock is counted: a reader cell's index, or {@link #IN_STATE}. */
        private final int cell;
        /** Read and written only by {@link #owner}. */
        private boolean closed;

        private ReadGuard(RwLock<T> lock, Thread owner, int cell) {
            this.lock = lock;
            this.owner = owner;
            this.cell = cell;
        }

        /** The protected value, to read: other readers may be reading it at the same time. */
        public T get() {
            checkUsable(owner, closed, "get", "read");
            return lock.value;
        }

        /**
         * Releases the read lock, waking a writer if it was the last reader one waits for.
         *
         * @throws IllegalStateException if the guard was already closed, or if the calling
         *     thread is not the one that locked
         */
        @Override
        public void close() {
            checkUsable(owner, closed, "close", "read");
            closed = true;
            lock.closeReadGuard(cell);
        }

        /** Names the thread the guard belongs to; the value needs the lock. */
        @Override
        public String toString() {
            return "RwLock.ReadGuard[owner=" + owner.getName() + "]";
        }
    }

    /**
     * Exclusive access to the value of an {@link RwLock} while the write lock is held;
     * closing it releases the lock. A guard belongs to the thread that locked: any use from
     * another thread, and any use after {@link #close()}, throws
     * {@link IllegalStateException}.
     *
     * @param <T> the type of the protected value
     */
    public static final class WriteGuard<T extends @Nullable Object> implements AutoCloseable {
        private final RwLock<T> lock;
        private final Thread owner;
        /** Read and written only by {@link #owner}. */
        private boolean closed;

        private WriteGuard(RwLock<T> lock, Thread owner) {
            this.lock = lock;
            this.owner = owner;
        }

        /** The protected value. */
        public T get() {
            checkUsable(owner, closed, "get", "write");
            return lock.value;
        }

        /** Replaces the protected value. */
        public void set(T newValue) {
            checkUsable(owner, closed, "set", "write");
            lock.value = newValue;
        }

        /**
         * Releases the write lock, waking the threads that sleep waiting for it.
         *
         * @throws IllegalStateException if the guard was already closed, or if the calling
         *     thread is not the one that locked
         */
        @Override
        public void close() {
            checkUsable(owner, closed, "close", "write");
            closed = true;
            lock.closeWriteGuard();
        }

        /** Names the thread the guard belongs to; the value needs the lock. */
        @Override
        public String toString() {
            return "RwLock.WriteGuard[owner=" + owner.getName() + "]";
        }
    }

    private static void checkUsable(Thread owner, boolean closed, String operation,
            String kind) {
        Thread current = Thread.currentThread();
        if (current != owner) {
            throw new IllegalStateException("cannot " + operation + " a RwLock " + kind
                    + " guard from " + current + ": it belongs to " + owner
                    + ", the thread that locked");
        }
        if (closed) {
            throw new IllegalStateException("cannot " + operation + " a RwLock " + kind
                    + " guard that was already closed");
        }
    }
}
