package dev.atomicslocks.arc;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The misuse the handles cannot always see, under Lincheck's model checker: two threads close
 * the last strong handle at the same moment. Both may pass the handle's plain "closed" check;
 * the counts must then still sort it out: one close drops the value, the other throws
 * {@link IllegalStateException} and undoes its decrement, and afterwards the value reads as
 * dropped, exactly once, with no strong handle left.
 *
 * <p>Public, with a public constructor, because Lincheck creates instances by reflection from
 * outside the module.
 */
public final class ArcRacingCloseLincheckTest {

    /** Counts the drops of the value; the drop action raises it. */
    private final AtomicInteger drops = new AtomicInteger();
    /** The one strong handle, closed by both threads. */
    private final Arc<String> shared = Arc.of("v", value -> drops.incrementAndGet());
    /** A weak handle that watches the drop. */
    private final Weak<String> watcher = shared.downgrade();

    /** A fresh value with its two handles, for each scenario Lincheck runs. */
    public ArcRacingCloseLincheckTest() {
    }

    /** Closes the shared handle; false if the close was refused as a second one. */
    @Operation
    public boolean closeShared() {
        try {
            shared.close();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** After both closes: one drop, seen as such, and the counts as they should be. */
    @Validate
    public void droppedOnceAndSeenAsDropped() {
        if (drops.get() != 1) {
            throw new AssertionError(drops.get() + " drops");
        }
        if (!watcher.isDropped()) {
            throw new AssertionError("the value does not read as dropped after its drop");
        }
        if (watcher.strongCount() != 0 || watcher.weakCount() != 1) {
            throw new AssertionError("counts left: " + watcher);
        }
    }

    // However the two closes interleave, one drops, the other is refused, and the record
    // ends up dropped with its counts intact.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void closeByTwoThreadsAtOnce_dropsOnceAndLeavesTheRecordIntact() {
        new ModelCheckingOptions().iterations(1).invocationsPerIteration(2_000)
                .threads(2).actorsPerThread(1).actorsBefore(0).actorsAfter(0)
                .check(ArcRacingCloseLincheckTest.class);
    }
}
