package dev.atomicslocks.arc;

import java.lang.System.Logger.Level;
import java.lang.ref.Cleaner;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * Reports strong handles that became unreachable without being closed. One handle in
 * {@link #sampling()} is watched: it records where it was created and is registered with a
 * {@link Cleaner}; if the garbage collector finds it unreachable while still open, the cleaner
 * logs a warning with that creation site through {@link System.Logger}.
 */
final class LeakWatch implements Runnable {

    /*
     * Cost, measured with arc.ArcBenchmark (see the package documentation): with sampling
     * off, a new handle reads one static field and takes a branch, and a clone that is closed
     * in the method that made it costs what an AtomicInteger count costs. With sampling on,
     * every new handle draws a random number (ThreadLocalRandom, no shared state, about half
     * a nanosecond), a watched one records a stack trace and registers with the cleaner
     * (about 0.6 microseconds), and, because a handle may now escape to the cleaner, the JIT
     * can no longer remove the handle object of such a clone: one allocation more. Hence off
     * by default.
     *
     * The handle keeps its watch; the watch never refers to the handle, or the handle could
     * never become unreachable. Closing the handle marks the watch closed and cleans it at
     * once (so the cleaner forgets it), with the handle kept reachable until then, so the
     * cleaner thread can never run the report for a handle that is being closed.
     */

    /** The system property that sets the initial sampling: watch one handle in N. */
    static final String SAMPLING_PROPERTY = "dev.atomicslocks.arc.leakSampling";
    /** Off unless the property or {@code Arc.setLeakSampling} says otherwise; see above. */
    static final int DEFAULT_SAMPLING = 0;
    /** The logger the reports go to. */
    static final String LOGGER_NAME = "dev.atomicslocks.arc";

    private static volatile int sampling = initialSampling();
    private static volatile System.@Nullable Logger logger;

    /** Created on the first watched handle: a cleaner owns a thread. */
    private static final class CleanerHolder {
        static final Cleaner CLEANER = Cleaner.create();
    }

    private final Throwable creationSite;
    private final String valueType;
    /** Set by the closing thread before it cleans; read by the cleaning action. */
    private boolean closed;
    private Cleaner.@Nullable Cleanable cleanable;

    private LeakWatch(Throwable creationSite, String valueType) {
        this.creationSite = creationSite;
        this.valueType = valueType;
    }

    /** How many handles share one watched one: 0 is off, 1 watches every handle. */
    static int sampling() {
        return sampling;
    }

    static void setSampling(int oneIn) {
        if (oneIn < 0) {
            throw new IllegalArgumentException("leak sampling must be 0 (off) or a positive"
                    + " number N (watch one handle in N), not " + oneIn);
        }
        sampling = oneIn;
    }

    /** Sends reports to {@code replacement}, or to the logger named LOGGER_NAME if null. */
    static void useLogger(System.@Nullable Logger replacement) {
        logger = replacement;
    }

    /** A watch for a new strong handle if the sampling picks it, else null. */
    static @Nullable LeakWatch sample(Object handle, ArcData<?> data) {
        int oneIn = sampling;
        if (oneIn == 0) {
            return null;
        }
        if (oneIn > 1 && ThreadLocalRandom.current().nextInt(oneIn) != 0) {
            return null;
        }
        return watch(handle, data);
    }

    private static LeakWatch watch(Object handle, ArcData<?> data) {
        Object value = data.value();
        String type = value == null ? "dropped value" : value.getClass().getName();
        LeakWatch watch = new LeakWatch(new CreationSite(), type);
        watch.cleanable = CleanerHolder.CLEANER.register(handle, watch);
        return watch;
    }

    /** The handle was closed: forget it. The caller keeps the handle reachable until now. */
    void closed() {
        closed = true;
        Cleaner.Cleanable registration = cleanable;
        if (registration != null) {
            registration.clean();
        }
    }

    /** Runs once: from {@link #closed()}, or from the cleaner if the handle leaked. */
    @Override
    public void run() {
        if (closed) {
            return;
        }
        System.Logger target = logger;
        if (target == null) {
            target = System.getLogger(LOGGER_NAME);
        }
        target.log(Level.WARNING, "an Arc handle of a " + valueType + " became unreachable"
                + " without being closed, so its value will never be dropped; the handle was"
                + " created at the place in this stack trace", creationSite);
    }

    private static int initialSampling() {
        String text = System.getProperty(SAMPLING_PROPERTY);
        if (text == null) {
            return DEFAULT_SAMPLING;
        }
        try {
            int oneIn = Integer.parseInt(text.strip());
            if (oneIn >= 0) {
                return oneIn;
            }
        } catch (NumberFormatException e) {
            // reported below, as for a negative number
        }
        System.getLogger(LOGGER_NAME).log(Level.WARNING, "ignoring " + SAMPLING_PROPERTY + "="
                + text + ": it must be 0 (off) or a positive number N (watch one handle in N);"
                + " using " + DEFAULT_SAMPLING);
        return DEFAULT_SAMPLING;
    }

    /** Where a watched handle was created: its stack trace is the report. */
    private static final class CreationSite extends Throwable {
        private static final long serialVersionUID = 1L;

        CreationSite() {
            super("Arc handle created here");
        }
    }
}
