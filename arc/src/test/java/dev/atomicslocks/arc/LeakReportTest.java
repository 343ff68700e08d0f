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

        for (int i = 0; i < COLLECTIONS && recorder.records.isEmpty(); i++) {
            System.gc();
            Thread.sleep(10);
        }

        assertThat(recorder.records).as("reports").hasSize(1);
        Report report = recorder.records.get(0);
        assertThat(report.level()).isEqualTo(Level.WARNING);
        assertThat(report.message()).contains("java.lang.String")
                .contains("became unreachable without being closed");
        assertThat(report.thrown()).isNotNull();
        assertThat(Objects.requireNonNull(report.thrown()).getStackTrace()).as("creation site")
                .anySatisfy(frame -> assertThat(frame.getMethodName()).isEqualTo("leakAClone"));
        assertThat(kept.strongCount()).as("the leaked handle still counts").isEqualTo(2);
        kept.close();
    }

    // Closed handles are forgotten at once: collecting them reports nothing.
    @Test
    void closedHandles_areNotReported() throws Exception {
        Arc<String> arc = Arc.of("v");
        for (int i = 0; i < 100; i++) {
            arc.clone().close();
        }
        arc.close();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertThat(recorder.records).isEmpty();
    }

    // A negative sampling is refused and the setting stays as it was.
    @Test
    void setLeakSampling_negative_throwsAndKeepsTheSetting() {
        assertThatThrownBy(() -> Arc.setLeakSampling(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not -1");
        assertThat(Arc.leakSampling()).isEqualTo(1);
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
