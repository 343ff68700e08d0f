package dev.atomicslocks.locks;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two counters behind the public RwLock, which writers increment together and readers read
 * together, are linearizable under Lincheck's model checker, through the blocking and the
 * interruptible forms. A reader that saw the counters differ (half a write) would return -1,
 * which no sequential order returns.
 *
 * <p>The try forms are not among the operations: {@code tryRead} fails beside a waiting writer
 * and {@code tryWrite} may fail beside a reader that is arriving, outcomes that no sequential
 * order of whole operations gives; jcstress ({@code Ch9_RwLockAcquirePairs},
 * {@code Ch9_RwLockReaderCells}) checks them. The model checker also runs every interleaving
 * sequentially consistent, so it cannot see an access weakened below SEQ_CST; that is left to
 * jcstress as well.
 */
final class RwLockLincheckTest {

    /**
     * The counters and the operations Lincheck calls. Public, with a public constructor,
     * because Lincheck creates instances by reflection from outside the module.
     */
    public static class Counters {
        private final RwLock<int[]> counters;

        /** Fresh counters at 0, for each scenario Lincheck runs. */
        public Counters() {
            this(new RwLock<>(new int[2]));
        }

        Counters(RwLock<int[]> counters) {
            this.counters = counters;
        }

        @Operation
        public int write() {
            try (var guard = counters.write()) {
                return increment(guard.get());
            }
        }

        @Operation
        public int writeInterruptibly() throws InterruptedException {
            try (var guard = counters.writeInterruptibly()) {
                return increment(guard.get());
            }
        }

        @Operation
        public int read() {
            try (var guard = counters.read()) {
                return observe(guard.get());
            }
        }

        @Operation
        public int readInterruptibly() throws InterruptedException {
            try (var guard = counters.readInterruptibly()) {
                return observe(guard.get());
            }
        }

        /** Both counters up by one, in two steps a reader must never see between. */
        private static int increment(int[] both) {
            both[0]++;
            both[1]++;
            return both[0];
        }

        /** The count, or -1 if the two counters differ. */
        private static int observe(int[] both) {
            return both[0] == both[1] ? both[0] : -1;
        }
    }

    /** The same counters behind a lock whose readers count themselves in cells from the start. */
    public static final class CellCounters extends Counters {
        /** Fresh counters at 0, for each scenario Lincheck runs. */
        public CellCounters() {
            super(RwLock.withCellsFromTheStart(new int[2]));
        }
    }

    // Every interleaving the model checker explores gives a result some sequential order gives.
    // The module's shared options take each parking lot bucket operation as one step.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void counters_underModelChecking_areLinearizable() {
        LincheckSetup.modelChecking().check(Counters.class);
    }

    // The same with the readers in cells: a writer that took the state word waits for them.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void counters_withReadersInCells_underModelChecking_areLinearizable() {
        LincheckSetup.modelChecking().check(CellCounters.class);
    }
}
