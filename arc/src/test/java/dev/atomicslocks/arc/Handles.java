package dev.atomicslocks.arc;

import dev.atomicslocks.arc.steps.BasicArc;
import dev.atomicslocks.arc.steps.OptimizedArc;
import dev.atomicslocks.arc.steps.WeakArc;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Named;

/**
 * Every Arc of the module behind one pair of interfaces, so that the book's tests run against
 * each step and the public type.
 */
final class Handles {

    private Handles() {
    }

    /** A strong handle. */
    interface Strong<T> extends AutoCloseable {
        T get();

        Strong<T> cloneHandle();

        @Nullable T getMut();

        /** A weak handle; only for the kinds that have one. */
        WeakHandle<T> downgrade();

        @Override
        void close();
    }

    /** A weak handle. */
    interface WeakHandle<T> extends AutoCloseable {
        @Nullable Strong<T> upgrade();

        @Override
        void close();
    }

    /** Every kind of Arc, named for the test report. */
    static Stream<Named<Function<Greeting, Strong<Greeting>>>> all() {
        return Stream.concat(
                Stream.of(Named.of("BasicArc", value -> basic(new BasicArc<>(value)))),
                withWeak());
    }

    /** The kinds that have weak handles: the second and third steps and the public Arc. */
    static Stream<Named<Function<Greeting, Strong<Greeting>>>> withWeak() {
        return Stream.of(
                Named.of("WeakArc", value -> weakArc(new WeakArc<>(value))),
                Named.of("OptimizedArc", value -> optimized(new OptimizedArc<>(value))),
                Named.of("Arc", value -> arc(Arc.of(value))));
    }

    private static <T> Strong<T> basic(BasicArc<T> arc) {
        return new Strong<>() {
            @Override public T get() {
                return arc.get();
            }

            @Override public Strong<T> cloneHandle() {
                return basic(arc.clone());
            }

            @Override public @Nullable T getMut() {
                return arc.getMut();
            }

            @Override public WeakHandle<T> downgrade() {
                throw new UnsupportedOperationException("the first step has no weak handles");
            }

            @Override public void close() {
                arc.close();
            }
        };
    }

    private static <T> Strong<T> weakArc(WeakArc<T> arc) {
        return new Strong<>() {
            @Override public T get() {
                return arc.get();
            }

            @Override public Strong<T> cloneHandle() {
                return weakArc(arc.clone());
            }

            @Override public @Nullable T getMut() {
                return arc.getMut();
            }

            @Override public WeakHandle<T> downgrade() {
                WeakArc.Weak<T> weak = arc.downgrade();
                return new WeakHandle<>() {
                    @Override public @Nullable Strong<T> upgrade() {
                        WeakArc<T> strong = weak.upgrade();
                        return strong == null ? null : weakArc(strong);
                    }

                    @Override public void close() {
                        weak.close();
                    }
                };
            }

            @Override public void close() {
                arc.close();
            }
        };
    }

    private static <T> Strong<T> optimized(OptimizedArc<T> arc) {
        return new Strong<>() {
            @Override public T get() {
                return arc.get();
            }

            @Override public Strong<T> cloneHandle() {
                return optimized(arc.clone());
            }

            @Override public @Nullable T getMut() {
                return arc.getMut();
            }

            @Override public WeakHandle<T> downgrade() {
                OptimizedArc.Weak<T> weak = arc.downgrade();
                return new WeakHandle<>() {
                    @Override public @Nullable Strong<T> upgrade() {
                        OptimizedArc<T> strong = weak.upgrade();
                        return strong == null ? null : optimized(strong);
                    }

                    @Override public void close() {
                        weak.close();
                    }
                };
            }

            @Override public void close() {
                arc.close();
            }
        };
    }

    private static <T> Strong<T> arc(Arc<T> arc) {
        return new Strong<>() {
            @Override public T get() {
                return arc.get();
            }

            @Override public Strong<T> cloneHandle() {
                return arc(arc.clone());
            }

            @Override public @Nullable T getMut() {
                return arc.getMut();
            }

            @Override public WeakHandle<T> downgrade() {
                Weak<T> weak = arc.downgrade();
                return new WeakHandle<>() {
                    @Override public @Nullable Strong<T> upgrade() {
                        Arc<T> strong = weak.upgrade();
                        return strong == null ? null : arc(strong);
                    }

                    @Override public void close() {
                        weak.close();
                    }
                };
            }

            @Override public void close() {
                arc.close();
            }
        };
    }
}
