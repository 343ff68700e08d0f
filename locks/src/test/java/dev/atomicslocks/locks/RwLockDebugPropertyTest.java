package dev.atomicslocks.locks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The debug-mode system property, read when RwLock is loaded: a fresh JVM started with it
 * refuses a nested read, and one started without it allows it. Each case runs
 * {@link RwLockDebugChild} in its own JVM, since this one has loaded RwLock already.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
final class RwLockDebugPropertyTest {

    // With the property set to true, new RwLocks are in debug mode.
    @Test
    void debugProperty_true_refusesANestedRead() throws Exception {
        String output = runChild("-D" + RwLock.DEBUG_PROPERTY + "=true");

        assertThat(output).contains("nested read: refused: cannot read: this thread holds 1"
                + " read lock(s) of this RwLock").contains("outer value 0");
    }

    // Without the property, a nested read with no writer waiting simply succeeds.
    @Test
    void debugProperty_absent_allowsANestedRead() throws Exception {
        String output = runChild();

        assertThat(output).contains("nested read: allowed, readers 2, value 0")
                .contains("outer value 0");
    }

    /** Runs the child on the class path this test runs with; returns its output. */
    private static String runChild(String... jvmOptions) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> classPath = new ArrayList<>();
        classPath.add(Path.of("target", "test-classes").toAbsolutePath().toString());
        for (String name : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(name, "");
            if (!value.isEmpty()) {
                classPath.add(value);
            }
        }
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath),
                RwLockDebugChild.class.getName()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(child.waitFor()).as("exit status; output:%n%s", output).isZero();
        return output;
    }
}
