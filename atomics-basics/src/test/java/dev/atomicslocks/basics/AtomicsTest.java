package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fences accept every ordering but RELAXED (refused in {@link RejectedOrderingTest}). What a
 * fence orders is shown by the jcstress tests in the stress module, not here.
 */
final class AtomicsTest {

    static Stream<Ordering> fenceOrderings() {
        return Stream.of(Ordering.ACQUIRE, Ordering.RELEASE, Ordering.ACQ_REL, Ordering.SEQ_CST);
    }

    // Every ordering a fence can take is accepted.
    @ParameterizedTest
    @MethodSource("fenceOrderings")
    void fence_acceptsEveryOrderingButRelaxed(Ordering ordering) {
        assertThatCode(() -> Atomics.fence(ordering)).doesNotThrowAnyException();
    }

    // The spin hint returns at once.
    @Test
    void spinLoop_returns() {
        assertThatCode(Atomics::spinLoop).doesNotThrowAnyException();
    }
}
