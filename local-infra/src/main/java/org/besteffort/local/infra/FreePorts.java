package org.besteffort.local.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Finds TCP ports that are free right now, so that parallel test JVMs each get their own broker and database.
 */
public final class FreePorts {

    private static final int ATTEMPTS = 50;

    private FreePorts() {
    }

    /** A port the operating system reports as free on the loopback interface. */
    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }

    /**
     * A broker port {@code p} for which {@code p - 2} (the broker's "fast" port) is free as well. {@code p + 1}, the
     * replication port the broker announces but does not open, must still be a valid port number.
     */
    public static int forBroker() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = any();
            if (port > 1026 && port < 65535 && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("No free broker port (p and p-2) after " + ATTEMPTS + " attempts");
    }

    /** Whether nothing listens on {@code port} on any interface, loopback or not. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like the servers themselves: connections still in TIME_WAIT from an earlier run do not make a port busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
