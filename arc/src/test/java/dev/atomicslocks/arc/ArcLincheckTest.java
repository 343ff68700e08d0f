package dev.atomicslocks.arc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.Validate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Arc and Weak under Lincheck's model checker: clone, close, downgrade, upgrade and getMut
 * from two owners at once are linearizable, and after every scenario the counts match the
 * handles that are open and the value was dropped exactly when no strong handle is left.
 *
 * <p>Each owner is a non-parallel group: a handle is used by one thread at a time, as the
 * contract asks, so each owner's handles stay in one thread. Public, with a public
 * constructor, because Lincheck creates instances by reflection from outside the module.
 */
public final class ArcLincheckTest {

    /** Counts the drops of the value; the drop action raises it. */
    private final AtomicInteger drops = new AtomicInteger();
    /** The first owner: the handle made by Arc.of. */
    private final Wallet first;
    /** The second owner: a strong clone and a weak handle. */
    private final Wallet second;
    private int samplingBefore;

    /** A fresh value with its handles, for each scenario Lincheck runs. */
    public ArcLincheckTest() {
        Arc<String> root = Arc.of("v", value -> drops.incrementAndGet());
        second = new Wallet(root.clone(), root.downgrade());
        first = new Wallet(root, null);
    }

    @BeforeEach
    void noLeakSampling() {
        // A random draw per handle would make the executions differ between replays.
        samplingBefore = Arc.leakSampling();
        Arc.setLeakSampling(0);
    }

    @AfterEach
    void restoreSampling() {
        Arc.setLeakSampling(samplingBefore);
    }

    @Operation(nonParallelGroup = "first")
    public boolean cloneFirst() {
        return first.cloneStrong();
    }

    @Operation(nonParallelGroup = "first")
    public boolean closeFirst() {
        return first.closeStrong();
    }

    @Operation(nonParallelGroup = "first")
    public boolean downgradeFirst() {
        return first.downgrade();
    }

    @Operation(nonParallelGroup = "first")
    public @Nullable Boolean getMutFirst() {
        return first.getMut();
    }

    @Operation(nonParallelGroup = "first")
    public @Nullable String closeTwiceFirst() {
        return first.closeTwice();
    }

    @Operation(nonParallelGroup = "second")
    public boolean upgradeSecond() {
        return second.upgrade();
    }

    @Operation(nonParallelGroup = "second")
    public boolean closeSecond() {
        return second.closeStrong();
    }

    @Operation(nonParallelGroup = "second")
    public boolean closeWeakSecond() {
        return second.closeWeak();
    }

    @Operation(nonParallelGroup = "second")
    public @Nullable Boolean getMutSecond() {
        return second.getMut();
    }

    @Operation(nonParallelGroup = "second")
    public int weakCountSecond() {
        return second.weakCount();
    }

    /** After each scenario: the counts are the open handles, and the drop matches them. */
    @Validate
    public void countsMatchTheOpenHandles() {
        int strong = first.strong.size() + second.strong.size();
        int weak = first.weak.size() + second.weak.size();
        int expectedDrops = strong == 0 ? 1 : 0;
        if (drops.get() != expectedDrops) {
            throw new AssertionError(drops.get() + " drops with " + strong + " strong handles");
        }
        Arc<String> anyStrong = first.any(second);
        if (anyStrong != null) {
            check("strong count", anyStrong.strongCount(), strong);
            check("weak count", anyStrong.weakCount(), weak);
        }
        for (Wallet wallet : List.of(first, second)) {
            for (Weak<String> handle : wallet.weak) {
                check("strong count seen by a weak handle", handle.strongCount(), strong);
                Arc<String> upgraded = handle.upgrade();
                if ((upgraded != null) != (strong > 0)) {
                    throw new AssertionError("upgrade gave " + upgraded + " with " + strong
                            + " strong handles");
                }
                if (upgraded != null) {
                    upgraded.close();
                }
            }
        }
    }

    // Every interleaving the model checker explores gives results some sequential order
    // gives, and leaves counts that match the handles.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void handles_underModelChecking_areLinearizable() {
        new ModelCheckingOptions().iterations(30).invocationsPerIteration(100)
                .threads(2).actorsPerThread(3).actorsBefore(1).actorsAfter(1)
                .check(ArcLincheckTest.class);
    }

    private static void check(String what, int actual, int expected) {
        if (actual != expected) {
            throw new AssertionError(what + " is " + actual + ", expected " + expected);
        }
    }

    /** The handles one owner holds. */
    private static final class Wallet {
        final List<Arc<String>> strong = new ArrayList<>();
        final List<Weak<String>> weak = new ArrayList<>();

        Wallet(Arc<String> strongHandle, @Nullable Weak<String> weakHandle) {
            strong.add(strongHandle);
            if (weakHandle != null) {
                weak.add(weakHandle);
            }
        }

        boolean cloneStrong() {
            if (strong.isEmpty()) {
                return false;
            }
            strong.add(strong.get(0).clone());
            return true;
        }

        boolean closeStrong() {
            if (strong.isEmpty()) {
                return false;
            }
            strong.remove(strong.size() - 1).close();
            return true;
        }

        boolean downgrade() {
            if (strong.isEmpty()) {
                return false;
            }
            weak.add(strong.get(0).downgrade());
            return true;
        }

        boolean upgrade() {
            if (weak.isEmpty()) {
                return false;
            }
            Arc<String> upgraded = weak.get(0).upgrade();
            if (upgraded == null) {
                return false;
            }
            strong.add(upgraded);
            return true;
        }

        boolean closeWeak() {
            if (weak.isEmpty()) {
                return false;
            }
            weak.remove(weak.size() - 1).close();
            return true;
        }

        /** The weak count seen through this owner's first weak handle, or -1 if it has none. */
        int weakCount() {
            return weak.isEmpty() ? -1 : weak.get(0).weakCount();
        }

        @Nullable Boolean getMut() {
            return strong.isEmpty() ? null : strong.get(0).getMut() != null;
        }

        /** Closes a handle and then again; returns the second close's message. */
        @Nullable String closeTwice() {
            if (strong.isEmpty()) {
                return null;
            }
            Arc<String> handle = strong.remove(strong.size() - 1);
            handle.close();
            try {
                handle.close();
                return "closed twice without an exception";
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }

        @Nullable Arc<String> any(Wallet other) {
            if (!strong.isEmpty()) {
                return strong.get(0);
            }
            return other.strong.isEmpty() ? null : other.strong.get(0);
        }
    }
}
