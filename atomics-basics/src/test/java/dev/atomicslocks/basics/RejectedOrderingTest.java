package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ordering Rust rejects for an operation throws IllegalArgumentException naming the
 * operation and the ordering, on every atomic type, and leaves the value untouched.
 */
final class RejectedOrderingTest {

    private static final int INITIAL = 7;

    static Stream<Arguments> rejected() {
        return Stream.of(
                cases("AtomicI32", () -> new AtomicI32(INITIAL),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store(1, o),
                        (a, o) -> a.compareExchange(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> OptionalInt.of(1))),
                cases("AtomicU32", () -> new AtomicU32(INITIAL),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store(1, o),
                        (a, o) -> a.compareExchange(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> OptionalInt.of(1))),
                cases("AtomicI64", () -> new AtomicI64(INITIAL),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store(1, o),
                        (a, o) -> a.compareExchange(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> OptionalLong.of(1))),
                cases("AtomicU64", () -> new AtomicU64(INITIAL),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store(1, o),
                        (a, o) -> a.compareExchange(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(INITIAL, 1, Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> OptionalLong.of(1))),
                cases("AtomicBool", () -> new AtomicBool(true),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store(false, o),
                        (a, o) -> a.compareExchange(true, false, Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(true, false, Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> Optional.of(false))),
                cases("AtomicRef", () -> new AtomicRef<>(SEVEN),
                        (a, o) -> a.load(o),
                        (a, o) -> a.store("one", o),
                        (a, o) -> a.compareExchange(SEVEN, "one", Ordering.SEQ_CST, o),
                        (a, o) -> a.compareExchangeWeak(SEVEN, "one", Ordering.SEQ_CST, o),
                        (a, o) -> a.fetchUpdate(Ordering.SEQ_CST, o, v -> Optional.of("one"))))
                .flatMap(List::stream);
    }

    private static final String SEVEN = "seven";

    // The exception names the operation and the ordering; the value is unchanged.
    @ParameterizedTest(name = "{0}.{1} with {2}")
    @MethodSource("rejected")
    void operation_withRejectedOrdering_throwsAndChangesNothing(
            String type, String operation, Ordering ordering, Object atomic, Runnable call) {
        String before = atomic.toString();

        assertThatThrownBy(call::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(operation)
                .hasMessageContaining(ordering.name());
        assertThat(atomic.toString()).as("%s after a rejected %s", type, operation)
                .isEqualTo(before);
    }

    /**
     * The rejected cases of one type: loads, the failure side of the compare-exchanges and
     * the fetch side of fetchUpdate with RELEASE and ACQ_REL; stores with ACQUIRE and ACQ_REL.
     */
    private static <A> List<Arguments> cases(String type, Supplier<A> create,
            BiConsumer<A, Ordering> load, BiConsumer<A, Ordering> store,
            BiConsumer<A, Ordering> compareExchange, BiConsumer<A, Ordering> compareExchangeWeak,
            BiConsumer<A, Ordering> fetchUpdate) {
        List<Arguments> cases = new ArrayList<>();
        for (Ordering bad : Orderings.NOT_FOR_LOAD) {
            cases.add(call(type, "load", bad, create.get(), load));
            cases.add(call(type, "compareExchange", bad, create.get(), compareExchange));
            cases.add(call(type, "compareExchangeWeak", bad, create.get(), compareExchangeWeak));
            cases.add(call(type, "fetchUpdate", bad, create.get(), fetchUpdate));
        }
        for (Ordering bad : Orderings.NOT_FOR_STORE) {
            cases.add(call(type, "store", bad, create.get(), store));
        }
        return cases;
    }

    private static <A> Arguments call(
            String type, String operation, Ordering bad, A atomic, BiConsumer<A, Ordering> op) {
        Runnable call = () -> op.accept(atomic, bad);
        return Arguments.of(type, operation, bad, atomic, call);
    }

    // A failure ordering is named as such, so the message says which argument was wrong.
    @Test
    void compareExchange_withReleaseFailure_namesTheFailureOrdering() {
        AtomicI32 atomic = new AtomicI32();

        assertThatThrownBy(() -> atomic.compareExchange(0, 1, Ordering.SEQ_CST, Ordering.RELEASE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compareExchange (failure ordering) cannot use ordering RELEASE:"
                        + " a load has nothing to release; use RELAXED, ACQUIRE or SEQ_CST");
        assertThat(atomic.load(Ordering.RELAXED)).isZero();
    }

    // A relaxed fence would order nothing, so it is refused as Rust refuses it.
    @Test
    void fence_withRelaxed_throws() {
        assertThatThrownBy(() -> Atomics.fence(Ordering.RELAXED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fence cannot use ordering RELAXED");
    }

    // A null ordering is a NullPointerException, never a silent default.
    @Test
    @SuppressWarnings("NullAway") // passing null on purpose
    void operations_withNullOrdering_throwNullPointerException() {
        AtomicU32 atomic = new AtomicU32();

        assertThatThrownBy(() -> atomic.load(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> atomic.store(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> atomic.fetchAdd(1, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> atomic.compareExchange(0, 1, null, Ordering.RELAXED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Atomics.fence(null)).isInstanceOf(NullPointerException.class);
        assertThat(atomic.load(Ordering.RELAXED)).isZero();
    }
}
