package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The operations the four integer atomics share, each at every ordering it accepts, so that
 * every VarHandle call behind every mode runs at least once. Values fit in 31 bits, where
 * signed and unsigned agree; the edges live in {@link SignedUnsignedTest}.
 */
final class IntegerAtomicsTest {

    /** An integer atomic seen through longs, so one test body covers all four types. */
    private interface Subject {
        long load(Ordering o);

        void store(long v, Ordering o);

        long swap(long v, Ordering o);

        long compareExchange(long expected, long desired, Ordering success, Ordering failure);

        boolean compareExchangeWeak(long expected, long desired, Ordering s, Ordering f);

        long fetchAdd(long v, Ordering o);

        long fetchSub(long v, Ordering o);

        long fetchAnd(long v, Ordering o);

        long fetchOr(long v, Ordering o);

        long fetchXor(long v, Ordering o);

        long fetchNand(long v, Ordering o);

        OptionalLong fetchUpdate(Ordering s, Ordering f, LongFunction<OptionalLong> update);
    }

    /** The four types, each starting at {@code initial}. */
    private static List<Named> subjects(long initial) {
        return List.of(
                new Named("AtomicI32", ofInt(new AtomicI32((int) initial))),
                new Named("AtomicU32", ofInt(new AtomicU32((int) initial))),
                new Named("AtomicI64", ofLong(new AtomicI64(initial))),
                new Named("AtomicU64", ofLong(new AtomicU64(initial))));
    }

    private record Named(String name, Subject subject) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<String> TYPES =
            List.of("AtomicI32", "AtomicU32", "AtomicI64", "AtomicU64");

    static Stream<Arguments> typeAndOrdering() {
        return typeAnd(List.of(Ordering.values()));
    }

    static Stream<Arguments> typeAndLoadOrdering() {
        return typeAnd(Orderings.LOAD);
    }

    static Stream<Arguments> typeAndStoreOrdering() {
        return typeAnd(Orderings.STORE);
    }

    static Stream<Arguments> typeAndCompareExchangeOrderings() {
        List<Arguments> cases = new ArrayList<>();
        Orderings.compareExchange().forEach(pair -> {
            for (String type : TYPES) {
                cases.add(Arguments.of(type, pair.get()[0], pair.get()[1]));
            }
        });
        return cases.stream();
    }

    private static Stream<Arguments> typeAnd(List<Ordering> orderings) {
        List<Arguments> cases = new ArrayList<>();
        for (Ordering ordering : orderings) {
            for (String type : TYPES) {
                cases.add(Arguments.of(type, ordering));
            }
        }
        return cases.stream();
    }

    private static Subject subject(String type, long initial) {
        return subjects(initial).get(TYPES.indexOf(type)).subject();
    }

    // A store is seen by a later load in the same thread, whatever the two orderings.
    @ParameterizedTest(name = "{0}, store {1}")
    @MethodSource("typeAndStoreOrdering")
    void store_thenLoad_seesTheStoredValue(String type, Ordering storeOrdering) {
        Subject atomic = subject(type, 0);

        atomic.store(42, storeOrdering);

        for (Ordering loadOrdering : Orderings.LOAD) {
            assertThat(atomic.load(loadOrdering)).as("load %s", loadOrdering).isEqualTo(42);
        }
    }

    // Each load ordering reads the value the atomic was created with.
    @ParameterizedTest(name = "{0}, load {1}")
    @MethodSource("typeAndLoadOrdering")
    void load_ofNewAtomic_returnsInitialValue(String type, Ordering ordering) {
        assertThat(subject(type, 17).load(ordering)).isEqualTo(17);
    }

    // swap returns what was there and leaves the new value.
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("typeAndOrdering")
    void swap_returnsPreviousAndStoresNew(String type, Ordering ordering) {
        Subject atomic = subject(type, 5);

        assertThat(atomic.swap(9, ordering)).isEqualTo(5);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(9);
    }

    // The book's fetch-add example (ch2-05): from 100, adding 23 returns 100 and leaves 123.
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("typeAndOrdering")
    void fetchAdd_returnsOldValueAndAdds(String type, Ordering ordering) {
        Subject atomic = subject(type, 100);

        assertThat(atomic.fetchAdd(23, ordering)).isEqualTo(100);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(123);
    }

    // fetchSub is fetchAdd of the negation.
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("typeAndOrdering")
    void fetchSub_returnsOldValueAndSubtracts(String type, Ordering ordering) {
        Subject atomic = subject(type, 100);

        assertThat(atomic.fetchSub(30, ordering)).isEqualTo(100);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(70);
    }

    // The bitwise operations on 0b1100 with 0b1010, each returning the old value.
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("typeAndOrdering")
    void bitwiseFetchOps_returnOldValueAndCombineBits(String type, Ordering ordering) {
        Subject and = subject(type, 0b1100);
        Subject or = subject(type, 0b1100);
        Subject xor = subject(type, 0b1100);
        Subject nand = subject(type, 0b1100);

        assertThat(and.fetchAnd(0b1010, ordering)).isEqualTo(0b1100);
        assertThat(or.fetchOr(0b1010, ordering)).isEqualTo(0b1100);
        assertThat(xor.fetchXor(0b1010, ordering)).isEqualTo(0b1100);
        assertThat(nand.fetchNand(0b1010, ordering)).isEqualTo(0b1100);

        assertThat(and.load(Ordering.SEQ_CST)).isEqualTo(0b1000);
        assertThat(or.load(Ordering.SEQ_CST)).isEqualTo(0b1110);
        assertThat(xor.load(Ordering.SEQ_CST)).isEqualTo(0b0110);
        assertThat(nand.load(Ordering.SEQ_CST)).as("~(0b1100 & 0b1010)").isEqualTo(~0b1000L);
    }

    // A matching compare-exchange stores and returns the expected value as the witness.
    @ParameterizedTest(name = "{0}, success {1}, failure {2}")
    @MethodSource("typeAndCompareExchangeOrderings")
    void compareExchange_whenValueMatches_storesAndReturnsIt(
            String type, Ordering success, Ordering failure) {
        Subject atomic = subject(type, 1);

        assertThat(atomic.compareExchange(1, 2, success, failure)).isEqualTo(1);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(2);
    }

    // A mismatching compare-exchange stores nothing and returns the value it found.
    @ParameterizedTest(name = "{0}, success {1}, failure {2}")
    @MethodSource("typeAndCompareExchangeOrderings")
    void compareExchange_whenValueDiffers_returnsWitnessAndStoresNothing(
            String type, Ordering success, Ordering failure) {
        Subject atomic = subject(type, 3);

        assertThat(atomic.compareExchange(1, 2, success, failure)).isEqualTo(3);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(3);
    }

    // A weak compare-exchange may fail spuriously, but a retry loop always gets through.
    @ParameterizedTest(name = "{0}, success {1}, failure {2}")
    @MethodSource("typeAndCompareExchangeOrderings")
    void compareExchangeWeak_inALoop_eventuallyStores(
            String type, Ordering success, Ordering failure) {
        Subject atomic = subject(type, 1);

        while (!atomic.compareExchangeWeak(1, 2, success, failure)) {
            assertThat(atomic.load(Ordering.SEQ_CST)).as("only a spurious failure").isEqualTo(1);
        }
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(2);
    }

    // A weak compare-exchange never stores when the value differs.
    @ParameterizedTest(name = "{0}, success {1}, failure {2}")
    @MethodSource("typeAndCompareExchangeOrderings")
    void compareExchangeWeak_whenValueDiffers_failsAndStoresNothing(
            String type, Ordering success, Ordering failure) {
        Subject atomic = subject(type, 3);

        assertThat(atomic.compareExchangeWeak(1, 2, success, failure)).isFalse();
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(3);
    }

    // fetchUpdate stores the function's result and returns the value it replaced.
    @ParameterizedTest(name = "{0}, set {1}, fetch {2}")
    @MethodSource("typeAndCompareExchangeOrderings")
    void fetchUpdate_whenFunctionReturnsValue_storesItAndReturnsPrevious(
            String type, Ordering set, Ordering fetch) {
        Subject atomic = subject(type, 10);

        assertThat(atomic.fetchUpdate(set, fetch, v -> OptionalLong.of(v * 3)))
                .hasValue(10);
        assertThat(atomic.load(Ordering.SEQ_CST)).isEqualTo(30);
    }

    // An empty result declines the update: nothing stored, empty returned.
    @Test
    void fetchUpdate_whenFunctionDeclines_storesNothingAndReturnsEmpty() {
        for (Named named : subjects(1000)) {
            Subject atomic = named.subject();

            OptionalLong result = atomic.fetchUpdate(Ordering.RELAXED, Ordering.RELAXED,
                    v -> v < 1000 ? OptionalLong.of(v + 1) : OptionalLong.empty());

            assertThat(result).as(named.name()).isEmpty();
            assertThat(atomic.load(Ordering.SEQ_CST)).as(named.name()).isEqualTo(1000);
        }
    }

    // When another thread changes the value between the load and the exchange, the function
    // runs again on the new value, and the result is built on that value, not the stale one.
    @Test
    void fetchUpdate_whenValueChangesMidway_retriesWithTheNewValue() {
        for (Named named : subjects(1)) {
            Subject atomic = named.subject();
            List<Long> seen = new ArrayList<>();

            OptionalLong result = atomic.fetchUpdate(Ordering.SEQ_CST, Ordering.SEQ_CST, v -> {
                seen.add(v);
                if (seen.size() == 1) {
                    atomic.store(5, Ordering.SEQ_CST); // what a racing thread would do
                }
                return OptionalLong.of(v + 10);
            });

            assertThat(seen).as(named.name()).containsExactly(1L, 5L);
            assertThat(result).as(named.name()).hasValue(5);
            assertThat(atomic.load(Ordering.SEQ_CST)).as(named.name()).isEqualTo(15);
        }
    }

    private static Subject ofInt(IntAtomic atomic) {
        return new Subject() {
            @Override
            public long load(Ordering o) {
                return atomic.load(o);
            }

            @Override
            public void store(long v, Ordering o) {
                atomic.store((int) v, o);
            }

            @Override
            public long swap(long v, Ordering o) {
                return atomic.swap((int) v, o);
            }

            @Override
            public long compareExchange(long e, long d, Ordering s, Ordering f) {
                return atomic.compareExchange((int) e, (int) d, s, f);
            }

            @Override
            public boolean compareExchangeWeak(long e, long d, Ordering s, Ordering f) {
                return atomic.compareExchangeWeak((int) e, (int) d, s, f);
            }

            @Override
            public long fetchAdd(long v, Ordering o) {
                return atomic.fetchAdd((int) v, o);
            }

            @Override
            public long fetchSub(long v, Ordering o) {
                return atomic.fetchSub((int) v, o);
            }

            @Override
            public long fetchAnd(long v, Ordering o) {
                return atomic.fetchAnd((int) v, o);
            }

            @Override
            public long fetchOr(long v, Ordering o) {
                return atomic.fetchOr((int) v, o);
            }

            @Override
            public long fetchXor(long v, Ordering o) {
                return atomic.fetchXor((int) v, o);
            }

            @Override
            public long fetchNand(long v, Ordering o) {
                return atomic.fetchNand((int) v, o);
            }

            @Override
            public OptionalLong fetchUpdate(Ordering s, Ordering f, LongFunction<OptionalLong> u) {
                OptionalInt result = atomic.fetchUpdate(s, f, v -> {
                    OptionalLong next = u.apply(v);
                    return next.isPresent() ? OptionalInt.of((int) next.getAsLong())
                            : OptionalInt.empty();
                });
                return result.isPresent() ? OptionalLong.of(result.getAsInt())
                        : OptionalLong.empty();
            }
        };
    }

    private static Subject ofLong(LongAtomic atomic) {
        return new Subject() {
            @Override
            public long load(Ordering o) {
                return atomic.load(o);
            }

            @Override
            public void store(long v, Ordering o) {
                atomic.store(v, o);
            }

            @Override
            public long swap(long v, Ordering o) {
                return atomic.swap(v, o);
            }

            @Override
            public long compareExchange(long e, long d, Ordering s, Ordering f) {
                return atomic.compareExchange(e, d, s, f);
            }

            @Override
            public boolean compareExchangeWeak(long e, long d, Ordering s, Ordering f) {
                return atomic.compareExchangeWeak(e, d, s, f);
            }

            @Override
            public long fetchAdd(long v, Ordering o) {
                return atomic.fetchAdd(v, o);
            }

            @Override
            public long fetchSub(long v, Ordering o) {
                return atomic.fetchSub(v, o);
            }

            @Override
            public long fetchAnd(long v, Ordering o) {
                return atomic.fetchAnd(v, o);
            }

            @Override
            public long fetchOr(long v, Ordering o) {
                return atomic.fetchOr(v, o);
            }

            @Override
            public long fetchXor(long v, Ordering o) {
                return atomic.fetchXor(v, o);
            }

            @Override
            public long fetchNand(long v, Ordering o) {
                return atomic.fetchNand(v, o);
            }

            @Override
            public OptionalLong fetchUpdate(Ordering s, Ordering f, LongFunction<OptionalLong> u) {
                return atomic.fetchUpdate(s, f, u);
            }
        };
    }
}
