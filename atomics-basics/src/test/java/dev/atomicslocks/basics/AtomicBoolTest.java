package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** AtomicBool: every operation at every ordering it accepts, and its truth tables. */
final class AtomicBoolTest {

    private static final boolean[] BOTH = {false, true};

    // A store is seen by a later load, whatever the two orderings.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#store")
    void store_thenLoad_seesTheStoredValue(Ordering ordering) {
        AtomicBool flag = new AtomicBool();

        flag.store(true, ordering);

        for (Ordering load : Orderings.LOAD) {
            assertThat(flag.load(load)).as("load %s", load).isTrue();
        }
    }

    // swap returns the old value.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void swap_returnsPreviousAndStoresNew(Ordering ordering) {
        AtomicBool flag = new AtomicBool(true);

        assertThat(flag.swap(false, ordering)).isTrue();
        assertThat(flag.load(Ordering.SEQ_CST)).isFalse();
    }

    // and, or, xor, nand over all four input pairs, each returning the old value.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void logicalFetchOps_followTheirTruthTables(Ordering ordering) {
        for (boolean old : BOTH) {
            for (boolean operand : BOTH) {
                String pair = old + " op " + operand;
                AtomicBool and = new AtomicBool(old);
                AtomicBool or = new AtomicBool(old);
                AtomicBool xor = new AtomicBool(old);
                AtomicBool nand = new AtomicBool(old);

                assertThat(and.fetchAnd(operand, ordering)).as(pair).isEqualTo(old);
                assertThat(or.fetchOr(operand, ordering)).as(pair).isEqualTo(old);
                assertThat(xor.fetchXor(operand, ordering)).as(pair).isEqualTo(old);
                assertThat(nand.fetchNand(operand, ordering)).as(pair).isEqualTo(old);

                assertThat(and.load(Ordering.SEQ_CST)).as(pair).isEqualTo(old && operand);
                assertThat(or.load(Ordering.SEQ_CST)).as(pair).isEqualTo(old || operand);
                assertThat(xor.load(Ordering.SEQ_CST)).as(pair).isEqualTo(old ^ operand);
                assertThat(nand.load(Ordering.SEQ_CST)).as(pair).isEqualTo(!(old && operand));
            }
        }
    }

    // fetchNot negates and returns the old value.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchNot_negates(Ordering ordering) {
        AtomicBool flag = new AtomicBool(false);

        assertThat(flag.fetchNot(ordering)).isFalse();
        assertThat(flag.fetchNot(ordering)).isTrue();
        assertThat(flag.load(Ordering.SEQ_CST)).isFalse();
    }

    // compareExchange returns the witness; it stores only on a match.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void compareExchange_storesOnlyOnMatch(Ordering success, Ordering failure) {
        AtomicBool flag = new AtomicBool(false);

        assertThat(flag.compareExchange(true, false, success, failure)).as("mismatch").isFalse();
        assertThat(flag.load(Ordering.SEQ_CST)).isFalse();
        assertThat(flag.compareExchange(false, true, success, failure)).as("match").isFalse();
        assertThat(flag.load(Ordering.SEQ_CST)).isTrue();
    }

    // The weak form reports success, fails on a mismatch, and gets through in a loop.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void compareExchangeWeak_storesOnlyOnMatch(Ordering success, Ordering failure) {
        AtomicBool flag = new AtomicBool(false);

        assertThat(flag.compareExchangeWeak(true, false, success, failure)).isFalse();
        while (!flag.compareExchangeWeak(false, true, success, failure)) {
            assertThat(flag.load(Ordering.SEQ_CST)).as("only a spurious failure").isFalse();
        }
        assertThat(flag.load(Ordering.SEQ_CST)).isTrue();
    }

    // fetchUpdate stores the result, returns the old value, and declines on empty.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#compareExchange")
    void fetchUpdate_storesOrDeclines(Ordering set, Ordering fetch) {
        AtomicBool flag = new AtomicBool(false);

        assertThat(flag.fetchUpdate(set, fetch, v -> Optional.of(!v))).contains(false);
        assertThat(flag.fetchUpdate(set, fetch, v -> Optional.empty())).isEmpty();
        assertThat(flag.load(Ordering.SEQ_CST)).isTrue();
    }

    // A change between the load and the exchange makes the function run again.
    @Test
    void fetchUpdate_whenValueChangesMidway_retriesWithTheNewValue() {
        AtomicBool flag = new AtomicBool(false);
        List<Boolean> seen = new ArrayList<>();

        Optional<Boolean> result = flag.fetchUpdate(Ordering.SEQ_CST, Ordering.SEQ_CST, v -> {
            seen.add(v);
            if (seen.size() == 1) {
                flag.store(true, Ordering.SEQ_CST); // what a racing thread would do
            }
            return Optional.of(!v);
        });

        assertThat(seen).containsExactly(false, true);
        assertThat(result).contains(true);
        assertThat(flag.load(Ordering.SEQ_CST)).isFalse();
    }

    // toString shows the value.
    @Test
    void toString_showsTheValue() {
        assertThat(new AtomicBool(true)).hasToString("true");
        assertThat(new AtomicBool()).hasToString("false");
    }
}
