package dev.atomicslocks.basics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where signed and unsigned differ: u32::MAX as -1, wrap-around, and max and min across the
 * sign bit, at every ordering.
 */
final class SignedUnsignedTest {

    private static final int U32_MAX = -1;
    private static final long U64_MAX = -1L;
    /** 2^31: the smallest int that is negative as signed and large as unsigned. */
    private static final int U32_HIGH_BIT = Integer.MIN_VALUE;
    /** 2^63, likewise for long. */
    private static final long U64_HIGH_BIT = Long.MIN_VALUE;

    // u32::MAX is -1 in Java, and prints as 4294967295.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#load")
    void u32Max_isMinusOne_andPrintsUnsigned(Ordering ordering) {
        AtomicU32 atomic = new AtomicU32(U32_MAX);

        assertThat(atomic.load(ordering)).isEqualTo(-1);
        assertThat(atomic).hasToString("4294967295");
        assertThat(new AtomicI32(U32_MAX)).hasToString("-1");
    }

    // u64::MAX is -1L in Java, and prints as 18446744073709551615.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#load")
    void u64Max_isMinusOne_andPrintsUnsigned(Ordering ordering) {
        AtomicU64 atomic = new AtomicU64(U64_MAX);

        assertThat(atomic.load(ordering)).isEqualTo(-1L);
        assertThat(atomic).hasToString("18446744073709551615");
        assertThat(new AtomicI64(U64_MAX)).hasToString("-1");
    }

    // Adding one to the largest value wraps to zero, as Rust's fetch_add does.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchAdd_pastTheMaximum_wrapsToZero(Ordering ordering) {
        AtomicU32 u32 = new AtomicU32(U32_MAX);
        AtomicU64 u64 = new AtomicU64(U64_MAX);
        AtomicI32 i32 = new AtomicI32(Integer.MAX_VALUE);
        AtomicI64 i64 = new AtomicI64(Long.MAX_VALUE);

        assertThat(u32.fetchAdd(1, ordering)).isEqualTo(U32_MAX);
        assertThat(u64.fetchAdd(1, ordering)).isEqualTo(U64_MAX);
        assertThat(i32.fetchAdd(1, ordering)).isEqualTo(Integer.MAX_VALUE);
        assertThat(i64.fetchAdd(1, ordering)).isEqualTo(Long.MAX_VALUE);

        assertThat(u32).hasToString("0");
        assertThat(u64).hasToString("0");
        assertThat(i32).hasToString(Integer.toString(Integer.MIN_VALUE));
        assertThat(i64).hasToString(Long.toString(Long.MIN_VALUE));
    }

    // Subtracting one from zero wraps to the unsigned maximum.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchSub_belowZero_wrapsToTheMaximum(Ordering ordering) {
        AtomicU32 u32 = new AtomicU32(0);
        AtomicU64 u64 = new AtomicU64(0);

        assertThat(u32.fetchSub(1, ordering)).isZero();
        assertThat(u64.fetchSub(1, ordering)).isZero();
        assertThat(u32).hasToString("4294967295");
        assertThat(u64).hasToString("18446744073709551615");
    }

    // 2^31 is larger than 1 unsigned but smaller signed: the two types keep different values.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchMax_acrossTheSignBit_comparesBySignedness(Ordering ordering) {
        AtomicU32 u32 = new AtomicU32(1);
        AtomicI32 i32 = new AtomicI32(1);
        AtomicU64 u64 = new AtomicU64(1);
        AtomicI64 i64 = new AtomicI64(1);

        assertThat(u32.fetchMax(U32_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(i32.fetchMax(U32_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(u64.fetchMax(U64_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(i64.fetchMax(U64_HIGH_BIT, ordering)).isEqualTo(1);

        assertThat(u32.load(Ordering.SEQ_CST)).isEqualTo(U32_HIGH_BIT);
        assertThat(i32.load(Ordering.SEQ_CST)).isEqualTo(1);
        assertThat(u64.load(Ordering.SEQ_CST)).isEqualTo(U64_HIGH_BIT);
        assertThat(i64.load(Ordering.SEQ_CST)).isEqualTo(1);
    }

    // The mirror image: min keeps 1 unsigned and takes the negative value signed.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchMin_acrossTheSignBit_comparesBySignedness(Ordering ordering) {
        AtomicU32 u32 = new AtomicU32(1);
        AtomicI32 i32 = new AtomicI32(1);
        AtomicU64 u64 = new AtomicU64(1);
        AtomicI64 i64 = new AtomicI64(1);

        assertThat(u32.fetchMin(U32_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(i32.fetchMin(U32_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(u64.fetchMin(U64_HIGH_BIT, ordering)).isEqualTo(1);
        assertThat(i64.fetchMin(U64_HIGH_BIT, ordering)).isEqualTo(1);

        assertThat(u32.load(Ordering.SEQ_CST)).isEqualTo(1);
        assertThat(i32.load(Ordering.SEQ_CST)).isEqualTo(U32_HIGH_BIT);
        assertThat(u64.load(Ordering.SEQ_CST)).isEqualTo(1);
        assertThat(i64.load(Ordering.SEQ_CST)).isEqualTo(U64_HIGH_BIT);
    }

    // Max and min leave the value alone when it already wins, and still return it.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchMaxAndMin_whenValueAlreadyWins_keepIt(Ordering ordering) {
        AtomicU32 big = new AtomicU32(U32_MAX);
        AtomicU32 small = new AtomicU32(0);

        assertThat(big.fetchMax(7, ordering)).isEqualTo(U32_MAX);
        assertThat(small.fetchMin(7, ordering)).isZero();
        assertThat(big.load(Ordering.SEQ_CST)).isEqualTo(U32_MAX);
        assertThat(small.load(Ordering.SEQ_CST)).isZero();
    }

    // Unsigned fetchNand flips every bit of zero into u32::MAX.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.basics.Orderings#all")
    void fetchNand_ofZero_givesAllOnes(Ordering ordering) {
        AtomicU32 atomic = new AtomicU32(0);

        assertThat(atomic.fetchNand(U32_MAX, ordering)).isZero();
        assertThat(atomic).hasToString("4294967295");
    }
}
