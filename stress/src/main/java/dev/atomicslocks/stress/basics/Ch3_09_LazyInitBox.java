package dev.atomicslocks.stress.basics;

import static dev.atomicslocks.basics.Ordering.ACQUIRE;
import static dev.atomicslocks.basics.Ordering.RELAXED;
import static dev.atomicslocks.basics.Ordering.RELEASE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.atomicslocks.basics.AtomicRef;
import dev.atomicslocks.basics.Ordering;
import org.jspecify.annotations.Nullable;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Book ch3-09: lazy initialisation through a pointer. Each thread asks for the shared object;
 * the first to find none builds one and installs it with a compare-exchange, and a thread that
 * loses the race drops its own and takes the installed one. The object's fields are plain and
 * written by its constructor, so only the ordering of the reference publishes them: the
 * compare-exchange that installs it is a {@code RELEASE}, and both the first load and the failed
 * compare-exchange are {@code ACQUIRE}. The outcome is the payload each thread read through the
 * object it got, and whether both got the same object.
 *
 * <p>The Java memory model: with release and acquire, a payload of {@code 0} (an object seen
 * before its constructor's write) is forbidden, and so are two different objects. With
 * {@code RELAXED} the payload may be {@code 0}; x86 never showed it, because the processor keeps
 * the constructor's store before the compare-exchange and the JIT does not move it past an
 * atomic access, so that variant is {@code OnWeakHardware} documentation.
 *
 * <p>Observed on this machine with {@code -m quick} (an AMD EPYC, 2 vCPUs under KVM,
 * Temurin 25.0.3, 2026-12-03), each outcome's count summed over jcstress's configurations:
 * <ul>
 *   <li>{@code RelaxedOnWeakHardware}: {@code 42, 42, 1} 230,566,154.
 *   <li>{@code ReleaseAcquire}: {@code 42, 42, 1} 225,968,394.
 * </ul>
 *
 * <pre>{@code
 * java -cp stress/target/jcstress.jar dev.atomicslocks.stress.StressRun -m quick \
 *     -t Ch3_09_LazyInitBox
 * }</pre>
 */
public final class Ch3_09_LazyInitBox {

    private static final int PAYLOAD = 42;

    private Ch3_09_LazyInitBox() {
    }

    /** The lazily built object; its field is plain, so only the reference can publish it. */
    static final class Box {
        int payload;

        Box() {
            payload = PAYLOAD;
        }
    }

    /** The shared box, built and installed by the first caller, with the given orderings. */
    static Box get(AtomicRef<Box> shared, Ordering install, Ordering load) {
        Box box = shared.load(load);
        if (box != null) {
            return box;
        }
        Box fresh = new Box();
        Box witness = shared.compareExchange(null, fresh, install, load);
        return witness == null ? fresh : witness;
    }

    /** Broken on weak hardware: a relaxed reference does not publish the object's fields. */
    @JCStressTest
    @Outcome(id = "42, 42, 1", expect = ACCEPTABLE,
            desc = "both threads got the one box, fully built")
    @Outcome(id = {"0, 42, 1", "42, 0, 1", "0, 0, 1"}, expect = ACCEPTABLE_INTERESTING,
            desc = "weak hardware only: a thread saw the box before its constructor's write")
    @Outcome(expect = FORBIDDEN, desc = "the threads got two different boxes")
    @State
    public static class RelaxedOnWeakHardware {
        private final AtomicRef<Box> shared = new AtomicRef<>();
        private @Nullable Box seenByFirst;
        private @Nullable Box seenBySecond;

        @Actor
        public void first(III_Result r) {
            Box box = get(shared, RELAXED, RELAXED);
            seenByFirst = box;
            r.r1 = box.payload;
        }

        @Actor
        public void second(III_Result r) {
            Box box = get(shared, RELAXED, RELAXED);
            seenBySecond = box;
            r.r2 = box.payload;
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = seenByFirst == seenBySecond ? 1 : 0;
        }
    }

    /** Correct: the book's version, installed with release and read with acquire. */
    @JCStressTest
    @Outcome(id = "42, 42, 1", expect = ACCEPTABLE,
            desc = "both threads got the one box, fully built")
    @Outcome(id = {"0, 42, 1", "42, 0, 1", "0, 0, 1"}, expect = FORBIDDEN,
            desc = "a thread saw the box before its constructor's write")
    @Outcome(expect = FORBIDDEN, desc = "the threads got two different boxes")
    @State
    public static class ReleaseAcquire {
        private final AtomicRef<Box> shared = new AtomicRef<>();
        private @Nullable Box seenByFirst;
        private @Nullable Box seenBySecond;

        @Actor
        public void first(III_Result r) {
            // The release install pairs with the acquire loads of the other thread.
            Box box = get(shared, RELEASE, ACQUIRE);
            seenByFirst = box;
            r.r1 = box.payload;
        }

        @Actor
        public void second(III_Result r) {
            Box box = get(shared, RELEASE, ACQUIRE);
            seenBySecond = box;
            r.r2 = box.payload;
        }

        @Arbiter
        public void after(III_Result r) {
            r.r3 = seenByFirst == seenBySecond ? 1 : 0;
        }
    }
}
