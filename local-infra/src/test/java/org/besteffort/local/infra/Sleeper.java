package org.besteffort.local.infra;

import java.io.IOException;

/**
 * A tiny child program for {@link JavaProcessTests}: announces itself, then lives until its standard input closes,
 * or fails at once when asked to.
 */
public final class Sleeper {

    static final String READY = "SLEEPER READY";

    private Sleeper() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 0 && args[0].equals("--fail")) {
            // Output of the child itself, which the parent reads from the log file.
            System.out.println("Sleeper cannot start: asked to fail");
            System.exit(3);
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // Only the end of input matters.
        }
    }
}
