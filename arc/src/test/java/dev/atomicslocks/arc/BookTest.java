package dev.atomicslocks.arc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tests of chapter 6, run against every step that supports them and the public Arc: a
 * value that counts its drops is dropped exactly once, after its last strong handle, and weak
 * handles fail to upgrade after that.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class BookTest {

    // The first step's test: two handles, one used and closed in another thread; the value
    // is dropped only when the second is closed, and exactly once.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.arc.Handles#all")
    void twoHandles_oneInAnotherThread_dropOnceAfterTheLast(
            Function<Greeting, Handles.Strong<Greeting>> kind) throws Exception {
        Greeting greeting = Greeting.hello();
        Handles.Strong<Greeting> x = kind.apply(greeting);
        Handles.Strong<Greeting> y = x.cloneHandle();

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<String> seen = other.submit(() -> {
                try (x) {
                    return x.get().text();
                }
            });
            assertThat(y.get().text()).as("in this thread").isEqualTo("hello");
            assertThat(seen.get()).as("in the other thread").isEqualTo("hello");
        }

        assertThat(greeting.drops().get()).as("drops while y is open").isZero();
        y.close();
        assertThat(greeting.drops().get()).as("drops after the last close").isEqualTo(1);
    }

    // The second and third steps' test: an Arc with two weak handles, one upgraded in another
    // thread; the value is dropped once with the strong handle, and then nothing upgrades.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.arc.Handles#withWeak")
    void twoWeakHandles_oneUpgradedElsewhere_dropOnceAndThenFailToUpgrade(
            Function<Greeting, Handles.Strong<Greeting>> kind) throws Exception {
        Greeting greeting = Greeting.hello();
        Handles.Strong<Greeting> x = kind.apply(greeting);
        Handles.WeakHandle<Greeting> y = x.downgrade();
        Handles.WeakHandle<Greeting> z = x.downgrade();

        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            Future<String> seen = other.submit(() -> {
                try (y; Handles.Strong<Greeting> upgraded = y.upgrade()) {
                    assertThat(upgraded).as("y upgraded while x lives").isNotNull();
                    return Objects.requireNonNull(upgraded).get().text();
                }
            });
            assertThat(x.get().text()).as("in this thread").isEqualTo("hello");
            assertThat(seen.get()).as("in the other thread").isEqualTo("hello");
        }

        assertThat(greeting.drops().get()).as("drops while x is open").isZero();
        try (Handles.Strong<Greeting> upgraded = z.upgrade()) {
            assertThat(upgraded).as("z upgraded while x lives").isNotNull();
        }
        x.close();
        assertThat(greeting.drops().get()).as("drops after x was closed").isEqualTo(1);
        assertThat(z.upgrade()).as("z after the drop").isNull();
        z.close();
        assertThat(greeting.drops().get()).as("drops after every handle was closed")
                .isEqualTo(1);
    }

    // get_mut: exclusive access with one handle, none while a second strong handle exists,
    // and again once it is closed.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.arc.Handles#all")
    void getMut_onlyWithTheOnlyHandle(Function<Greeting, Handles.Strong<Greeting>> kind) {
        Greeting greeting = Greeting.hello();
        try (Handles.Strong<Greeting> x = kind.apply(greeting)) {
            assertThat(x.getMut()).as("alone").isSameAs(greeting);
            Handles.Strong<Greeting> y = x.cloneHandle();
            assertThat(x.getMut()).as("with a second strong handle").isNull();
            assertThat(y.getMut()).as("the second handle").isNull();
            y.close();
            assertThat(x.getMut()).as("after the second was closed").isSameAs(greeting);
        }
        assertThat(greeting.drops().get()).isEqualTo(1);
    }

    // get_mut with weak handles: a weak handle takes exclusive access away until it closes.
    @ParameterizedTest
    @MethodSource("dev.atomicslocks.arc.Handles#withWeak")
    void getMut_notWhileAWeakHandleExists(Function<Greeting, Handles.Strong<Greeting>> kind) {
        Greeting greeting = Greeting.hello();
        try (Handles.Strong<Greeting> x = kind.apply(greeting)) {
            Handles.WeakHandle<Greeting> weak = x.downgrade();
            assertThat(x.getMut()).as("with a weak handle").isNull();
            weak.close();
            assertThat(x.getMut()).as("after the weak handle was closed").isSameAs(greeting);
        }
    }
}
