package dev.atomicslocks.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The public Arc and Weak: counts, the drop, exclusive access, misuse and overflow. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class ArcTest {

    /** Threads that clone, use and close handles of one value at once. */
    private static final int THREADS = 8;
    /** Clone-and-close rounds per thread. */
    private static final int ROUNDS = 20_000;

    // Counts follow every clone, downgrade, upgrade and close.
    @Test
    void counts_followEveryHandle() {
        Arc<String> first = Arc.of("v");
        assertThat(first.strongCount()).isEqualTo(1);
        assertThat(first.weakCount()).isZero();

        Arc<String> second = first.clone();
        Weak<String> weak = first.downgrade();
        Weak<String> weak2 = weak.clone();
        assertThat(first.strongCount()).isEqualTo(2);
        assertThat(first.weakCount()).isEqualTo(2);
        assertThat(weak.strongCount()).isEqualTo(2);

        Arc<String> upgraded = upgrade(weak);
        assertThat(second.strongCount()).isEqualTo(3);
        upgraded.close();
        second.close();
        weak2.close();
        assertThat(first.strongCount()).isEqualTo(1);
        assertThat(first.weakCount()).isEqualTo(1);

        first.close();
        assertThat(weak.strongCount()).isZero();
        assertThat(weak.weakCount()).as("after the drop, the weak handles alone").isEqualTo(1);
        weak.close();
    }

    // The drop action runs once, with the value, in the thread that closes the last handle.
    @Test
    void dropAction_runsOnceInTheThreadThatClosesTheLastHandle() throws Exception {
        List<String> dropped = new ArrayList<>();
        AtomicReference<@Nullable Thread> dropper = new AtomicReference<>();
        Arc<String> first = Arc.of("v", value -> {
            dropped.add(value);
            dropper.set(Thread.currentThread());
        });
        Arc<String> second = first.clone();
        first.close();
        assertThat(dropped).as("after the first close").isEmpty();

        Thread closer = Thread.ofPlatform().start(second::close);
        closer.join();

        assertThat(dropped).as("values dropped").containsExactly("v");
        assertThat(dropper.get()).as("the thread that dropped").isSameAs(closer);
    }

    // A value without a close() is simply released; one with a supplied action is not closed.
    @Test
    void dropAction_suppliedActionReplacesTheValuesClose() {
        Greeting greeting = Greeting.hello();
        AtomicInteger actions = new AtomicInteger();
        Arc.of(greeting, value -> actions.incrementAndGet()).close();
        assertThat(actions.get()).isEqualTo(1);
        assertThat(greeting.drops().get()).as("the value's own close").isZero();

        Arc<Object> plain = Arc.of(new Object());
        Weak<Object> weak = plain.downgrade();
        plain.close();
        assertThat(weak.isDropped()).isTrue();
        weak.close();
    }

    // Many threads cloning and closing at once drop the value once, after the last handle.
    @Test
    void concurrentCloneAndClose_dropOnceAtTheEnd() throws Exception {
        Greeting greeting = Greeting.hello();
        Arc<Greeting> root = Arc.of(greeting);
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Arc<Greeting> mine = root.clone();
                done.add(pool.submit(() -> {
                    start.await();
                    try (mine) {
                        for (int i = 0; i < ROUNDS; i++) {
                            mine.clone().close();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        }
        assertThat(greeting.drops().get()).as("drops while the root is open").isZero();
        assertThat(root.strongCount()).as("strong handles left").isEqualTo(1);
        root.close();
        assertThat(greeting.drops().get()).as("drops after the last close").isEqualTo(1);
    }

    // An unchecked exception from the drop comes out of the last close, and the value still
    // counts as dropped: the handle is closed and nothing upgrades.
    @Test
    void dropAction_throwing_propagatesAndTheValueCountsAsDropped() {
        Arc<String> arc = Arc.of("v", value -> {
            throw new IllegalArgumentException("drop failed");
        });
        Weak<String> weak = arc.downgrade();

        assertThatThrownBy(arc::close).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("drop failed");

        assertThat(arc.isClosed()).isTrue();
        assertThat(weak.isDropped()).isTrue();
        assertThat(weak.upgrade()).isNull();
        assertThat(weak.weakCount()).isEqualTo(1);
        weak.close();
    }

    // A checked exception from the value's close() arrives wrapped, with the value's type.
    @Test
    void dropAction_checkedExceptionFromClose_isWrapped() {
        AutoCloseable failing = () -> {
            throw new IOException("disk gone");
        };
        Arc<AutoCloseable> arc = Arc.of(failing);

        assertThatThrownBy(arc::close).isInstanceOf(DropFailedException.class)
                .hasMessageContaining("its close() threw")
                .hasCauseInstanceOf(IOException.class);
        assertThat(arc.isClosed()).isTrue();
    }

    // getMut: only when this is the only handle of either kind; an upgraded and closed weak
    // handle leaves it possible again.
    @Test
    void getMut_onlyForTheOnlyHandleOfEitherKind() {
        Greeting greeting = Greeting.hello();
        try (Arc<Greeting> arc = Arc.of(greeting)) {
            assertThat(arc.getMut()).isSameAs(greeting);
            try (Weak<Greeting> weak = arc.downgrade()) {
                assertThat(arc.getMut()).as("with a weak handle").isNull();
                upgrade(weak).close();
            }
            assertThat(arc.getMut()).as("after the weak handle closed").isSameAs(greeting);
        }
    }

    // Every use of a closed strong handle throws, naming the misuse, and changes no count.
    @Test
    void closedArc_everyUseThrowsAndCountsStay() {
        Arc<String> arc = Arc.of("v");
        Arc<String> other = arc.clone();
        Weak<String> weak = arc.downgrade();
        arc.close();

        List<Runnable> uses = List.of(arc::get, () -> discard(arc.clone()), arc::downgrade,
                arc::getMut, arc::strongCount, arc::weakCount, arc::awaitLastStrong, arc::close);
        for (Runnable use : uses) {
            assertThatThrownBy(use::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("an Arc handle that was already closed");
        }
        assertThatThrownBy(() -> arc.awaitLastStrong(java.time.Duration.ZERO))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(arc::awaitLastStrongInterruptibly)
                .isInstanceOf(IllegalStateException.class);

        assertThat(other.strongCount()).isEqualTo(1);
        assertThat(other.weakCount()).isEqualTo(1);
        assertThat(arc).hasToString("Arc[closed]");
        other.close();
        weak.close();
    }

    // Closing a strong handle twice throws and leaves the value alive for the other handle.
    @Test
    void close_twice_throwsAndDoesNotDropEarly() {
        Greeting greeting = Greeting.hello();
        Arc<Greeting> first = Arc.of(greeting);
        Arc<Greeting> second = first.clone();
        first.close();

        assertThatThrownBy(first::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot close an Arc handle that was already closed");

        assertThat(greeting.drops().get()).isZero();
        assertThat(second.get()).isSameAs(greeting);
        second.close();
        assertThat(greeting.drops().get()).isEqualTo(1);
    }

    // Every use of a closed weak handle throws, naming the misuse, and changes no count.
    @Test
    void closedWeak_everyUseThrowsAndCountsStay() {
        Arc<String> arc = Arc.of("v");
        Weak<String> weak = arc.downgrade();
        weak.close();

        List<Runnable> uses = List.of(weak::upgrade, () -> discard(weak.clone()), weak::strongCount,
                weak::weakCount, weak::isDropped, weak::awaitDrop, weak::close);
        for (Runnable use : uses) {
            assertThatThrownBy(use::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageEndingWith("a Weak handle that was already closed");
        }
        assertThat(arc.weakCount()).isZero();
        assertThat(arc.strongCount()).isEqualTo(1);
        assertThat(arc.getMut()).isEqualTo("v");
        assertThat(weak).hasToString("Weak[closed]");
        arc.close();
    }

    // Upgrading after the last drop returns null and leaves the counts as they were.
    @Test
    void upgrade_afterTheLastDrop_returnsNullAndChangesNothing() {
        Greeting greeting = Greeting.hello();
        Arc<Greeting> arc = Arc.of(greeting);
        Weak<Greeting> weak = arc.downgrade();
        arc.close();

        assertThat(weak.upgrade()).isNull();
        assertThat(weak.upgrade()).as("again").isNull();

        assertThat(weak.strongCount()).isZero();
        assertThat(weak.weakCount()).isEqualTo(1);
        assertThat(greeting.drops().get()).isEqualTo(1);
        assertThat(weak).hasToString("Weak[strong=0, weak=1]");
        weak.close();
    }

    // A clone up to the most strong handles succeeds; one past it throws before any count
    // changes for good.
    @Test
    void clone_atTheStrongLimit_throwsAndKeepsTheCount() {
        Arc<String> arc = Arc.withCounts("v", value -> { }, ArcData.MAX_STRONG - 1, 0);
        Arc<String> last = arc.clone();
        assertThat(arc.strongCount()).as("at the limit").isEqualTo(ArcData.MAX_STRONG);

        assertThatThrownBy(arc::clone).isInstanceOf(IllegalStateException.class)
                .hasMessage("too many Arc handles of one value: at most " + ArcData.MAX_STRONG
                        + " may be open at once");

        assertThat(arc.strongCount()).isEqualTo(ArcData.MAX_STRONG);
        assertThat(arc.get()).isEqualTo("v");
        last.close();
        assertThat(arc.strongCount()).as("after a close").isEqualTo(ArcData.MAX_STRONG - 1);
        arc.close();
        assertThat(arc.isClosed()).isTrue();
    }

    // An upgrade up to the most strong handles succeeds; one past it throws before any count
    // changes.
    @Test
    void upgrade_atTheStrongLimit_throwsAndKeepsTheCount() {
        Arc<String> arc = Arc.withCounts("v", value -> { }, ArcData.MAX_STRONG - 1, 0);
        Weak<String> weak = arc.downgrade();
        Arc<String> last = upgrade(weak);

        assertThatThrownBy(weak::upgrade).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("too many Arc handles of one value");

        assertThat(weak.strongCount()).isEqualTo(ArcData.MAX_STRONG);
        assertThat(weak.weakCount()).isEqualTo(1);
        last.close();
        weak.close();
        arc.close();
    }

    // A downgrade or weak clone past the most weak handles throws before any count changes.
    @Test
    void downgradeAndWeakClone_atTheWeakLimit_throwAndKeepTheCount() {
        Arc<String> arc = Arc.withCounts("v", value -> { }, 1, ArcData.MAX_WEAK - 1);
        Weak<String> last = arc.downgrade();
        assertThat(arc.weakCount()).isEqualTo(ArcData.MAX_WEAK);

        assertThatThrownBy(arc::downgrade).isInstanceOf(IllegalStateException.class)
                .hasMessage("too many Weak handles of one value: at most " + ArcData.MAX_WEAK
                        + " may be open at once");
        assertThatThrownBy(last::clone).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("too many Weak handles of one value");

        assertThat(arc.weakCount()).isEqualTo(ArcData.MAX_WEAK);
        last.close();
        assertThat(arc.weakCount()).isEqualTo(ArcData.MAX_WEAK - 1);
        arc.close();
    }

    // toString shows the counts and never the value.
    @Test
    void toString_showsTheCountsOnly() {
        try (Arc<String> arc = Arc.of("secret"); Weak<String> weak = arc.downgrade()) {
            assertThat(arc).hasToString("Arc[strong=1, weak=1]");
            assertThat(weak).hasToString("Weak[strong=1, weak=1]");
        }
    }

    // Null values and actions are refused at once.
    @Test
    void of_nullArguments_throw() {
        assertThatThrownBy(() -> Arc.of(nullString())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Arc.of("v", nullAction()))
                .isInstanceOf(NullPointerException.class);
    }

    /** Upgrades a weak handle that must still upgrade. */
    static <T> Arc<T> upgrade(Weak<T> weak) {
        Arc<T> strong = weak.upgrade();
        assertThat(strong).as("upgrade while a strong handle lives").isNotNull();
        return Objects.requireNonNull(strong);
    }

    /** A handle that the test opened only to see the call refused. */
    private static void discard(AutoCloseable handle) {
        assertThat(handle).as("a handle the call should have refused").isNull();
    }

    @SuppressWarnings("NullAway") // a null where the API refuses one
    private static String nullString() {
        return null;
    }

    @SuppressWarnings("NullAway") // a null where the API refuses one
    private static Consumer<String> nullAction() {
        return null;
    }
}
