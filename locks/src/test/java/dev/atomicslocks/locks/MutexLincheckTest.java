package dev.atomicslocks.locks;

import java.util.concurrent.TimeUnit;
import org.jetbrains.lincheck.datastructures.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A counter behind the public Mutex is linearizable under Lincheck's model checker. Public,
 * with a public constructor, because Lincheck creates instances of it by reflection from
 * outside the module.
 */
public final class MutexLincheckTest {

    /** A fresh counter at 0, for each scenario Lincheck runs. */
    public MutexLincheckTest() {
    }

    private final Mutex<Integer> counter = new Mutex<>(0);

    @Operation
    public int increment() {
        try (var guard = counter.lock()) {
            int next = guard.get() + 1;
            guard.set(next);
            return next;
        }
    }

    @Operation
    public int get() {
        try (var guard = counter.lock()) {
            return guard.get();
        }
    }

    // Every interleaving the model checker explores gives a result some sequential order gives.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void counter_underModelChecking_isLinearizable() {
        LincheckSetup.modelChecking()
                .check(MutexLincheckTest.class);
    }
}
