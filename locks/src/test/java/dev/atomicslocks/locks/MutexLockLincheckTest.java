package dev.atomicslocks.locks;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A counter behind the MutexLock view is linearizable under Lincheck's model checker, taking
 * the lock in each of its forms. Public, with a public constructor, because Lincheck creates
 * instances of it by reflection from outside the module.
 *
 * <p>What it catches and what not: an unlock that skips its wake made it fail at once (the
 * execution hung). A slow path that ignores a lost compare-exchange, and so enters a lock
 * another thread took first, passed it even with 10,000 invocations per iteration: the bug
 * needs about three context switches, more than these budgets reach. Mutual exclusion on
 * every acquiring path is the jcstress tests' {@code Ch9_MutexExclusion} and
 * {@code Ch9_AcquirePairs}.
 */
public final class MutexLockLincheckTest {

    /** A fresh counter at 0, for each scenario Lincheck runs. */
    public MutexLockLincheckTest() {
    }

    private final MutexLock lock = new MutexLock();
    /** Guarded by {@link #lock}. */
    private int counter;

    @Operation
    public int increment() {
        lock.lock();
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    @Operation
    public int incrementInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    /** Increments, taking the lock with tryLock, retried until it succeeds. */
    @Operation
    public int tryIncrement() {
        while (!lock.tryLock()) {
            Thread.onSpinWait();
        }
        try {
            return ++counter;
        } finally {
            lock.unlock();
        }
    }

    @Operation
    public int get() {
        lock.lock();
        try {
            return counter;
        } finally {
            lock.unlock();
        }
    }

    // Every interleaving the model checker explores gives a result some sequential order
    // gives.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void counter_underModelChecking_isLinearizable() {
        LincheckSetup.modelChecking().check(MutexLockLincheckTest.class);
    }
}
