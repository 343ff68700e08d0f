package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AtomicRef: identity comparison, null, and every operation at every ordering. */
final class AtomicRefTest {

    /** Two equal strings that are different objects, to tell identity from equals. */
    private static final String ONE = "one";
    private static final String EQUAL_TO_ONE = new String(ONE.toCharArray());

    // A new reference holds null unless given a value.
    @Test
    void newAtomicRef_holdsNullOrTheInitialValue() {
        assertThat(new AtomicRef<String>().load(Ordering.SEQ_CST)).isNull();
        assertThat(new AtomicRef<>(ONE).load(Ordering.SEQ_CST)).isSameAs(ONE);
        assertThat(new AtomicRef<String>()).hasToString("null");
    }

    // A store is seen by a later load, whatever the two orderings.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#store")
    void store_thenLoad_seesTheSameObject(Ordering ordering) {
        AtomicRef<String> ref = new AtomicRef<>();

        ref.store(ONE, ordering);

        for (Ordering load : Orderings.LOAD) {
            assertThat(ref.load(load)).as("load %s", load).isSameAs(ONE);
        }
    }

    // swap returns the previous reference, null included.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void swap_returnsPreviousAndStoresNew(Ordering ordering) {
        AtomicRef<String> ref = new AtomicRef<>();

        assertThat(ref.swap(ONE, ordering)).isNull();
        assertThat(ref.swap(null, ordering)).isSameAs(ONE);
        assertThat(ref.load(Ordering.SEQ_CST)).isNull();
    }

    // An equal but different object does not match: the comparison is by identity.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void compareExchange_comparesByIdentity(Ordering success, Ordering failure) {
        AtomicRef<String> ref = new AtomicRef<>(ONE);

        assertThat(ref.compareExchange(EQUAL_TO_ONE, "two", success, failure)).isSameAs(ONE);
        assertThat(ref.load(Ordering.SEQ_CST)).isSameAs(ONE);
        assertThat(ref.compareExchange(ONE, "two", success, failure)).isSameAs(ONE);
        assertThat(ref.load(Ordering.SEQ_CST)).isEqualTo("two");
    }

    // null can be both the expected and the new reference, as a null pointer can in Rust.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void compareExchange_handlesNull(Ordering success, Ordering failure) {
        AtomicRef<String> ref = new AtomicRef<>();

        assertThat(ref.compareExchange(null, ONE, success, failure)).isNull();
        assertThat(ref.compareExchange(ONE, null, success, failure)).isSameAs(ONE);
        assertThat(ref.load(Ordering.SEQ_CST)).isNull();
    }

    // The weak form fails for an equal but different object and gets through in a loop.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void compareExchangeWeak_comparesByIdentity(Ordering success, Ordering failure) {
        AtomicRef<String> ref = new AtomicRef<>(ONE);

        assertThat(ref.compareExchangeWeak(EQUAL_TO_ONE, "two", success, failure)).isFalse();
        while (!ref.compareExchangeWeak(ONE, "two", success, failure)) {
            assertThat(ref.load(Ordering.SEQ_CST)).as("only a spurious failure").isSameAs(ONE);
        }
        assertThat(ref.load(Ordering.SEQ_CST)).isEqualTo("two");
    }

    // fetchUpdate reports whether it stored, and stores nothing when the function declines.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void fetchUpdate_storesOrDeclines(Ordering set, Ordering fetch) {
        AtomicRef<String> ref = new AtomicRef<>();

        assertThat(ref.fetchUpdate(set, fetch, v -> Optional.of(v == null ? ONE : v + "!")))
                .isTrue();
        assertThat(ref.fetchUpdate(set, fetch, v -> Optional.empty())).isFalse();
        assertThat(ref.load(Ordering.SEQ_CST)).isSameAs(ONE);
    }

    // A change between the load and the exchange makes the function run again.
    @Test
    void fetchUpdate_whenValueChangesMidway_retriesWithTheNewValue() {
        AtomicRef<String> ref = new AtomicRef<>("a");
        List<String> seen = new ArrayList<>();

        boolean stored = ref.fetchUpdate(Ordering.SEQ_CST, Ordering.SEQ_CST, v -> {
            seen.add(String.valueOf(v));
            if (seen.size() == 1) {
                ref.store("b", Ordering.SEQ_CST); // what a racing thread would do
            }
            return Optional.of(v + "+");
        });

        assertThat(stored).isTrue();
        assertThat(seen).containsExactly("a", "b");
        assertThat(ref.load(Ordering.SEQ_CST)).isEqualTo("b+");
    }
}
