package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atomicslocks.basics.internal.Modes;

import org.junit.jupiter.api.Test;

/** The access mode chosen for each ordering, which decides which VarHandle call runs. */
final class ModesTest {

    // Loads and stores map one to one; the mode names follow the package table.
    @Test
    void loadAndStore_mapEachOrderingToItsMode() {
        assertThat(Modes.load(Ordering.RELAXED, "load")).isEqualTo(Modes.RELAXED);
        assertThat(Modes.load(Ordering.ACQUIRE, "load")).isEqualTo(Modes.ACQUIRE);
        assertThat(Modes.load(Ordering.SEQ_CST, "load")).isEqualTo(Modes.VOLATILE);
        assertThat(Modes.store(Ordering.RELAXED, "store")).isEqualTo(Modes.RELAXED);
        assertThat(Modes.store(Ordering.RELEASE, "store")).isEqualTo(Modes.RELEASE);
        assertThat(Modes.store(Ordering.SEQ_CST, "store")).isEqualTo(Modes.VOLATILE);
    }

    // ACQ_REL has no VarHandle mode of its own, so it becomes volatile.
    @Test
    void readModifyWrite_mapsAcqRelAndSeqCstToVolatile() {
        assertThat(Modes.readModifyWrite(Ordering.RELAXED)).isEqualTo(Modes.RELAXED);
        assertThat(Modes.readModifyWrite(Ordering.ACQUIRE)).isEqualTo(Modes.ACQUIRE);
        assertThat(Modes.readModifyWrite(Ordering.RELEASE)).isEqualTo(Modes.RELEASE);
        assertThat(Modes.readModifyWrite(Ordering.ACQ_REL)).isEqualTo(Modes.VOLATILE);
        assertThat(Modes.readModifyWrite(Ordering.SEQ_CST)).isEqualTo(Modes.VOLATILE);
    }

    // A compare-exchange takes the weakest mode that satisfies both of its orderings.
    @Test
    void compareExchange_takesTheWeakestModeCoveringBothOrderings() {
        assertThat(mode(Ordering.RELAXED, Ordering.RELAXED)).isEqualTo(Modes.RELAXED);
        assertThat(mode(Ordering.ACQUIRE, Ordering.RELAXED)).isEqualTo(Modes.ACQUIRE);
        assertThat(mode(Ordering.RELAXED, Ordering.ACQUIRE)).isEqualTo(Modes.ACQUIRE);
        assertThat(mode(Ordering.RELEASE, Ordering.RELAXED)).isEqualTo(Modes.RELEASE);
        assertThat(mode(Ordering.ACQUIRE, Ordering.ACQUIRE)).isEqualTo(Modes.ACQUIRE);
        assertThat(mode(Ordering.RELEASE, Ordering.ACQUIRE)).isEqualTo(Modes.VOLATILE);
        assertThat(mode(Ordering.ACQ_REL, Ordering.RELAXED)).isEqualTo(Modes.VOLATILE);
        assertThat(mode(Ordering.RELAXED, Ordering.SEQ_CST)).isEqualTo(Modes.VOLATILE);
        assertThat(mode(Ordering.ACQUIRE, Ordering.SEQ_CST)).isEqualTo(Modes.VOLATILE);
        assertThat(mode(Ordering.SEQ_CST, Ordering.RELAXED)).isEqualTo(Modes.VOLATILE);
    }

    private static int mode(Ordering success, Ordering failure) {
        return Modes.compareExchange(success, failure, "compareExchange");
    }
}
