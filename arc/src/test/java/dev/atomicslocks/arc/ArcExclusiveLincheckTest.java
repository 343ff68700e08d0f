package dev.atomicslocks.arc;

import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arc.getMut under Lincheck's model checker: the uniqueness check holds at one instant. A
 * second owner holds a handle of the value at every moment, trading its strong handle for a
 * weak one and back, so no sequential order lets the first owner's getMut succeed. A check
 * that reads the two counts one after the other, without locking the weak count, sees each
 * at 1 at a different moment when a trade falls between its two reads, and succeeds.
 *
 * <p>Public, with a public constructor, because Lincheck creates instances by reflection from
 * outside the module. Leak sampling is off by default, so the handles draw no random numbers
 * that would make replays differ.
 */
public final class ArcExclusiveLincheckTest {

    /** The first owner's only handle. */
    private final Arc<String> first;
    /** The second owner's strong handle between its trades. */
    private Arc<String> second;

    /** A value with two strong handles, for each scenario Lincheck runs. */
    public ArcExclusiveLincheckTest() {
        first = Arc.of("v");
        second = first.clone();
    }

    @Operation(nonParallelGroup = "first")
    public boolean getMutFirst() {
        return first.getMut() != null;
    }

    /**
     * Trades the second owner's strong handle for a weak one and back, each time opening the
     * new handle before closing the old: the two halves race with the two orders in which a
     * check without the lock could read the counts.
     */
    @Operation(nonParallelGroup = "second")
    public void roundTripSecond() {
        Weak<String> weak = second.downgrade();
        second.close();
        // The first owner's handle stays open throughout, so the upgrade cannot fail.
        second = Objects.requireNonNull(weak.upgrade());
        weak.close();
    }

    // Whichever way the trades and the checks interleave, getMut never succeeds while the
    // second owner holds a handle of either kind.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void getMut_whileAnotherOwnerTradesHandles_neverSucceeds() {
        new ModelCheckingOptions().iterations(5).invocationsPerIteration(200)
                .threads(2).actorsPerThread(2).actorsBefore(0).actorsAfter(1)
                .check(ArcExclusiveLincheckTest.class);
    }
}
