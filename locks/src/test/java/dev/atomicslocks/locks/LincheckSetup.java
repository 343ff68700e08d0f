package dev.atomicslocks.locks;

import static org.jetbrains.lincheck.datastructures.ManagedStrategyGuaranteeKt.forClasses;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * The model-checking options every Lincheck test of this module shares: a size CI can afford,
 * and os-wait's parking lot buckets taken as atomic steps.
 *
 * <p>The buckets: each method of the parking lot's {@code Bucket} takes the bucket's lock,
 * queues, moves or unlinks nodes, and releases the lock, without parking (os-wait's
 * ParkingLot says so). Lincheck's model checker would otherwise stop a thread inside one of
 * them while it holds the bucket lock and run another thread into that lock, which it cannot
 * resolve, and reports the run as hung. Taken as one step each, they behave as the futex
 * calls they stand for; the interleavings of the locks themselves are all explored, and the
 * parking lot has its own tests.
 */
final class LincheckSetup {

    /** The parking lot's bucket class, whose methods are each taken as one step. */
    static final String PARKING_LOT_BUCKET = "dev.atomicslocks.oswait.ParkingLot.Bucket";
    /** Scenarios generated; chosen so that each test takes seconds, not minutes, in CI. */
    static final int ITERATIONS = 20;
    /** Interleavings explored per scenario. */
    static final int INVOCATIONS_PER_ITERATION = 1000;

    private LincheckSetup() {
    }

    /** The bucket class, under the binary name or the source name Lincheck may use. */
    private static Boolean isBucket(String className) {
        return className.replace('$', '.').equals(PARKING_LOT_BUCKET);
    }

    static ModelCheckingOptions modelChecking() {
        return new ModelCheckingOptions()
                .iterations(ITERATIONS)
                .invocationsPerIteration(INVOCATIONS_PER_ITERATION)
                .addGuarantee(forClasses(LincheckSetup::isBucket).allMethods().treatAsAtomic());
    }
}
