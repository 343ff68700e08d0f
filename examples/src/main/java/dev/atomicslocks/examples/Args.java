package dev.atomicslocks.examples;

import java.util.List;

/**
 * The arguments of one program, each optional and read by the name the launcher's table
 * gives it. A program that takes no arguments is given none: the launcher refuses extra ones
 * before the program starts.
 */
public final class Args {

    private final List<String> names;
    private final List<String> values;

    /**
     * Arguments {@code values} for parameters {@code names}, in order.
     *
     * @throws UsageException if there are more values than names
     */
    public Args(List<String> names, List<String> values) {
        if (values.size() > names.size()) {
            throw new UsageException("expected at most " + names.size() + " argument"
                    + (names.size() == 1 ? "" : "s") + ", got " + values.size() + ": " + values);
        }
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
    }

    /**
     * The parameter {@code name} as a whole number from 1 to {@code max}, or
     * {@code defaultValue} when it was not given.
     *
     * @throws UsageException if the argument is not such a number
     */
    public long positive(String name, long defaultValue, long max) {
        int index = indexOf(name);
        if (index >= values.size()) {
            return defaultValue;
        }
        String text = values.get(index);
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            value = 0;
        }
        if (value < 1 || value > max) {
            throw new UsageException(
                    name + " must be a whole number from 1 to " + max + ", not \"" + text + "\"");
        }
        return value;
    }

    /**
     * The parameter {@code name} as given, which must be one of {@code choices} unless
     * {@code choices} is empty, or {@code defaultValue} when it was not given.
     *
     * @throws UsageException if the argument is not one of the choices
     */
    public String text(String name, String defaultValue, List<String> choices) {
        int index = indexOf(name);
        if (index >= values.size()) {
            return defaultValue;
        }
        String text = values.get(index);
        if (!choices.isEmpty() && !choices.contains(text)) {
            throw new UsageException(
                    name + " must be one of " + String.join(", ", choices) + ", not \"" + text
                            + "\"");
        }
        return text;
    }

    /** As {@link #positive(String, long, long)}, for numbers that fit an {@code int}. */
    public int positive(String name, int defaultValue) {
        return (int) positive(name, defaultValue, Integer.MAX_VALUE);
    }

    /**
     * The time scale given by the parameter {@code speedup} (a whole number that divides every
     * sleep of the program), or real time when it was not given.
     */
    public TimeScale timeScale() {
        return new TimeScale(positive("speedup", 1));
    }

    private int indexOf(String name) {
        int index = names.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return index;
    }
}
