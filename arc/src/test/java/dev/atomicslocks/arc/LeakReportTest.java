package dev.atomicslocks.arc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A strong handle that becomes unreachable while open is reported with its creation site. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
final class LeakReportTest {

    /** How many garbage collections are asked for before giving up on a report. */
    private static final int COLLECTIONS = 200;
    /** Collections after the expected report, for any report that should not come. */
    private static final int SETTLING_COLLECTIONS = 5;
    /** Watched handles closed before a leak, which must not be reported. */
    private static final int CLOSED_HANDLES = 100;

    private final Reporter recorder = new Reporter();
    private int samplingBefore;

    @BeforeEach
    void watchEveryHandle() {
        samplingBefore = Arc.leakSampling();
        Arc.setLeakSampling(1);
        LeakWatch.useLogger(recorder);
    }

    @AfterEach
    void restore() {
        Arc.setLeakSampling(samplingBefore);
        LeakWatch.useLogger(null);
    }

    // A leaked clone is reported once as a warning whose stack trace names where it was made.
    @Test
    void leakedHandle_isReportedWithWhereItWasCreated() throws Exception {
        Arc<String> kept = Arc.of("v");
        leakAClone(kept);

        awaitReports(1);

        assertThat(recorder.records).as("reports").hasSize(1);
        Report report = recorder.records.get(0);
        assertThat(report.level()).as("level").isEqualTo(Level.WARNING);
        assertThat(report.message()).as("message").contains("java.lang.String")
                .contains("became unreachable without being closed");
        assertThat(report.thrown()).as("creation site").isNotNull();
        assertThat(Objects.requireNonNull(report.thrown()).getStackTrace()).as("creation site")
                .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("leakAClone"));
        assertThat(kept.strongCount()).as("the leaked handle still counts").isEqualTo(2);
        kept.close();
    }

    // Closed handles are forgotten at once: once a clone leaked after them has been reported,
    // it is the only report, so the collector found the closed ones and said nothing.
    @Test
    void closedHandles_areNotReported() throws Exception {
        Arc<String> arc = Arc.of("v");
        for (int i = 0; i < CLOSED_HANDLES; i++) {
            arc.clone().close();
        }
        leakAClone(arc);
        arc.close();

        awaitReports(1);
        // A cleaner runs its actions in the order their references were enqueued, which
        // need not be the order of creation: give the closed handles a few more collections.
        for (int i = 0; i < SETTLING_COLLECTIONS; i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertThat(recorder.records).as("reports").hasSize(1);
        assertThat(Objects.requireNonNull(recorder.records.get(0).thrown()).getStackTrace())
                .as("the one report's creation site")
                .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("leakAClone"));
    }

    // A negative sampling is refused and the setting stays as it was.
    @Test
    void setLeakSampling_negative_throwsAndKeepsTheSetting() {
        assertThatThrownBy(() -> Arc.setLeakSampling(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -1");
        assertThat(Arc.leakSampling()).isEqualTo(1);
    }

    /** Collects garbage until {@code count} reports arrived, or gives up after COLLECTIONS. */
    private void awaitReports(int count) throws InterruptedException {
        for (int i = 0; i < COLLECTIONS && recorder.records.size() < count; i++) {
            System.gc();
            Thread.sleep(10);
        }
    }

    private static void leakAClone(Arc<String> arc) {
        Arc<String> leaked = arc.clone();
        assertThat(leaked.isClosed()).isFalse();
    }

    /** One logged message. */
    record Report(Level level, String message, @Nullable Throwable thrown) {
    }

    /** A System.Logger that keeps what it is given. */
    static final class Reporter implements System.Logger {
        final CopyOnWriteArrayList<Report> records = new CopyOnWriteArrayList<>();

        @Override
        public String getName() {
            return "recorder";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String msg,
                @Nullable Throwable thrown) {
            records.add(new Report(level, String.valueOf(msg), thrown));
        }

        @Override
        public void log(Level level, @Nullable ResourceBundle bundle, @Nullable String format,
                @Nullable Object... params) {
            records.add(new Report(level, String.valueOf(format), null));
        }

        @Override
        public void log(Level level, Supplier<String> msgSupplier) {
            records.add(new Report(level, msgSupplier.get(), null));
        }
    }
}
