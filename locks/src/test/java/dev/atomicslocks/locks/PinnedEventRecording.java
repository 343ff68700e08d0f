package dev.atomicslocks.locks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A JFR recording of {@code jdk.VirtualThreadPinned} events, every one of them (threshold 0),
 * with stack traces: {@link #start()} it, run the code, and {@link #stop()} returns the
 * events it saw, one description each.
 *
 * <p>It reaches {@code jdk.jfr.Recording} and {@code jdk.jfr.consumer.RecordingFile} through
 * core reflection, which needs no readability: the tests are compiled into the module
 * {@code dev.atomicslocks.locks}, which does not read {@code jdk.jfr}, and the build adds no
 * {@code --add-reads} for it. The calls are exactly those of the direct API.
 */
final class PinnedEventRecording {

    static final String PINNED = "jdk.VirtualThreadPinned";

    private final Object recording;

    private PinnedEventRecording(Object recording) {
        this.recording = recording;
    }

    /** Starts recording every pinned park of a virtual thread. */
    static PinnedEventRecording start() throws ReflectiveOperationException {
        Class<?> recordingClass = Class.forName("jdk.jfr.Recording");
        Object recording = recordingClass.getConstructor().newInstance();
        Object settings = call(recordingClass, "enable", recording, PINNED);
        Class<?> settingsClass = Class.forName("jdk.jfr.EventSettings");
        call(settingsClass, "withThreshold", settings, Duration.ZERO);
        call(settingsClass, "withStackTrace", settings);
        call(recordingClass, "start", recording);
        return new PinnedEventRecording(recording);
    }

    /** Stops the recording and returns each pinned event it recorded, as text. */
    List<String> stop() throws ReflectiveOperationException, java.io.IOException {
        Class<?> recordingClass = Class.forName("jdk.jfr.Recording");
        Path file = Files.createTempFile("rwlock-pinned", ".jfr");
        try {
            call(recordingClass, "stop", recording);
            call(recordingClass, "dump", recording, file);
            call(recordingClass, "close", recording);
            Class<?> fileClass = Class.forName("jdk.jfr.consumer.RecordingFile");
            List<?> events = (List<?>) call(fileClass, "readAllEvents", null, file);
            Class<?> eventClass = Class.forName("jdk.jfr.consumer.RecordedEvent");
            Class<?> typeClass = Class.forName("jdk.jfr.EventType");
            List<String> pinned = new ArrayList<>();
            for (Object event : events) {
                Object type = call(eventClass, "getEventType", event);
                if (PINNED.equals(call(typeClass, "getName", type))) {
                    pinned.add(event.toString());
                }
            }
            return pinned;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Calls the public method {@code name} of {@code owner} whose parameters fit the args. */
    private static Object call(Class<?> owner, String name, @org.jspecify.annotations.Nullable
            Object target, Object... args) throws ReflectiveOperationException {
        for (Method method : owner.getMethods()) {
            if (method.getName().equals(name) && fits(method.getParameterTypes(), args)) {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException(owner.getName() + "." + name + " failed",
                            e.getCause());
                }
            }
        }
        throw new NoSuchMethodException(owner.getName() + "." + name);
    }

    private static boolean fits(Class<?>[] parameters, Object[] args) {
        if (parameters.length != args.length) {
            return false;
        }
        for (int i = 0; i < args.length; i++) {
            if (!parameters[i].isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }
}
