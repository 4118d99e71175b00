package org.besteffort.local.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged broker (target/local-broker.jar) listens on 127.0.0.1 only, and neither its NameServer nor its Broker
 * names or dials the host's other addresses. Reads the child JVM's sockets from Linux's {@code /proc}.
 */
class LoopbackOnlyIT {

    private static final String LOOPBACK = "127.0.0.1:";

    /** {@code /proc/net/tcp*} socket states. */
    private static final String LISTEN = "0A";

    @TempDir
    Path storeDir;

    @Test
    void listensAnnouncesAndConnectsOnLoopbackOnly() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "reads the broker's sockets from Linux's /proc");
        int nameServerPort = freePort();
        int brokerPort = freeBrokerPort(nameServerPort);
        Path console = storeDir.resolve("console.log");
        Process broker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-Duser.home=" + storeDir, "-jar", "target/local-broker.jar",
                "--store-dir=" + storeDir, "--namesrv-port=" + nameServerPort, "--broker-port=" + brokerPort,
                "--topics=loopback-check", "--groups=loopback-check-group")
                .redirectErrorStream(true)
                .redirectOutput(console.toFile())
                .start();
        try {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> !broker.isAlive() || Files.readString(console).contains(LocalBroker.READY_PREFIX));
            assertThat(broker.isAlive()).as("broker exited: %s", Files.readString(console)).isTrue();

            List<Socket> sockets = sockets(broker.pid());
            assertThat(sockets.stream().filter(Socket::listening).map(Socket::local))
                    .as("listening sockets")
                    .contains(LOOPBACK + nameServerPort, LOOPBACK + (brokerPort - 2), LOOPBACK + brokerPort)
                    .allSatisfy(address -> assertThat(address).startsWith(LOOPBACK));
            assertThat(sockets.stream().filter(Socket::connected).map(Socket::remote))
                    .as("connections")
                    .allSatisfy(address -> assertThat(address).startsWith(LOOPBACK));

            List<String> log = Files.readAllLines(storeDir.resolve("logs/broker.log"));
            // Each RocketMQ client (the NameServer's own, the Broker's) logs the NameServer addresses it is given...
            assertThat(log.stream().filter(line -> line.contains("name server address updated")))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("NEW : [" + LOOPBACK + nameServerPort + "]"));
            // ... and every connection it opens.
            assertThat(log.stream().filter(line -> line.contains("connect remote host[")))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("connect remote host[" + LOOPBACK));
        } finally {
            broker.destroyForcibly().waitFor();
        }
    }

    /** A TCP socket of a process: its local and remote address as {@code host:port}. */
    private record Socket(String local, String remote, boolean listening) {

        /** Connected, connecting or closing: it has a peer (an unconnected socket's remote port is 0). */
        boolean connected() {
            return !listening && !remote.endsWith(":0");
        }
    }

    /** The process's TCP sockets: {@code /proc/net/tcp} and {@code tcp6} rows whose inode is one of its descriptors. */
    private static List<Socket> sockets(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : descriptors.toList()) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (NoSuchFileException closedMeanwhile) {
                    // Not a socket of interest any more.
                }
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            // Columns: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode ...
            for (String row : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                String[] columns = row.strip().split("\\s+");
                if (inodes.contains(columns[9])) {
                    sockets.add(new Socket(address(columns[1]), address(columns[2]), LISTEN.equals(columns[3])));
                }
            }
        }
        return sockets;
    }

    /**
     * {@code 0100007F:2694} or, in tcp6, 32 hex digits: the address as 32-bit words in the machine's byte order, and
     * the port. An IPv4-mapped IPv6 address ({@code ::ffff:127.0.0.1}, as Java's dual-stack sockets bind) comes out as
     * {@code 127.0.0.1}.
     */
    private static String address(String hex) throws IOException {
        String[] parts = hex.split(":");
        byte[] bytes = HexFormat.of().parseHex(parts[0]);
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            for (int word = 0; word < bytes.length; word += 4) {
                for (int i = 0; i < 2; i++) {
                    byte swap = bytes[word + i];
                    bytes[word + i] = bytes[word + 3 - i];
                    bytes[word + 3 - i] = swap;
                }
            }
        }
        return InetAddress.getByAddress(bytes).getHostAddress() + ":" + Integer.parseInt(parts[1], 16);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A port {@code p} with {@code p - 2} free too (the broker's two remoting ports), neither of them {@code taken},
     * and {@code p + 1} a valid port (the broker announces it).
     */
    private static int freeBrokerPort(int taken) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port > 1026 && port < 65535 && port != taken && port - 2 != taken && isFree(port - 2)) {
                return port;
            }
        }
        throw new IllegalStateException("No free broker port (p and p-2) after 50 attempts");
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
