package dev.atomicslocks.basics;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The orderings each kind of operation accepts and rejects, as argument sources for tests. */
final class Orderings {
    static final List<Ordering> LOAD = List.of(
            Ordering.RELAXED, Ordering.ACQUIRE, Ordering.SEQ_CST);
    static final List<Ordering> STORE = List.of(
            Ordering.RELAXED, Ordering.RELEASE, Ordering.SEQ_CST);
    static final List<Ordering> NOT_FOR_LOAD = List.of(Ordering.RELEASE, Ordering.ACQ_REL);
    static final List<Ordering> NOT_FOR_STORE = List.of(Ordering.ACQUIRE, Ordering.ACQ_REL);

    private Orderings() {
    }

    static Stream<Ordering> all() {
        return Stream.of(Ordering.values());
    }

    static Stream<Ordering> load() {
        return LOAD.stream();
    }

    static Stream<Ordering> store() {
        return STORE.stream();
    }

    /** Every (success, failure) pair a compare-exchange accepts: 5 x 3. */
    static Stream<Arguments> compareExchange() {
        List<Arguments> pairs = new ArrayList<>();
        for (Ordering success : Ordering.values()) {
            for (Ordering failure : LOAD) {
                pairs.add(Arguments.of(success, failure));
            }
        }
        return pairs.stream();
    }
}
