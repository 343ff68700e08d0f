package dev.atomicslocks.examples;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * The streams a program reads and writes. The launcher's {@code main} passes the process's
 * own; a test passes a prepared input and buffers that it reads afterwards.
 *
 * @param in what the program reads, standard input when run from the command line
 * @param out what the program prints; {@link PrintStream} is safe to share between threads,
 *     and each {@code println} comes out as one line
 * @param err where the launcher reports failures and bad arguments
 */
public record Terminal(InputStream in, PrintStream out, PrintStream err) {

    /** The process's standard input, output and error. */
    public static Terminal system() {
        return new Terminal(System.in, System.out, System.err);
    }

    /**
     * A reader of {@link #in} by lines, decoded with the encoding of standard input
     * ({@code stdin.encoding}), or the default charset when that is not set.
     */
    public BufferedReader lines() {
        String encoding = System.getProperty("stdin.encoding");
        Charset charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(in, charset));
    }
}
