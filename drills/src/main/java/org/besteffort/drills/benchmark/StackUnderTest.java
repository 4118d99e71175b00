package org.besteffort.drills.benchmark;

import org.besteffort.drills.DrillStack;
import org.besteffort.local.infra.BrokerProcess;
import org.besteffort.local.infra.Database;
import org.besteffort.local.infra.JavaProcess;
import org.besteffort.local.infra.LocalDatabase;
import org.besteffort.local.infra.LocalStackLayout;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stack the benchmark loads: one of its own (free ports, fresh data, the services as the local stack runs them
 * but with the JIT's full optimisation and WARN logging, thrown away afterwards), or the one
 * {@code ./mvnw -Plocal package} is running.
 */
interface StackUnderTest extends AutoCloseable {

    String description();

    String payUrl();

    Database database();

    /** The pids of the stack's processes by name: broker, pay-service, account-service, mariadb. */
    Map<String, Long> pids();

    @Override
    void close();

    /** Starts a throwaway stack in {@code workDir}. */
    static StackUnderTest own(Path workDir) {
        DrillStack stack = new DrillStack(workDir, DrillStack.DEFAULT_DELAY_LEVELS, DrillStack.Faults.NONE);
        stack.start();
        return new StackUnderTest() {
            @Override
            public String description() {
                return "a stack of its own in " + workDir;
            }

            @Override
            public String payUrl() {
                return stack.payUrl();
            }

            @Override
            public Database database() {
                return stack.database();
            }

            @Override
            public Map<String, Long> pids() {
                return stack.pids();
            }

            @Override
            public void close() {
                stack.close();
            }
        };
    }

    /**
     * The local stack running from this clone; fails unless all four of its processes are up. Closing it leaves it
     * running.
     */
    static StackUnderTest running(Path repository) {
        LocalStackLayout layout = new LocalStackLayout(repository);
        Map<String, Long> pids = new LinkedHashMap<>();
        pids.put("broker", required("the broker", BrokerProcess.running(layout.brokerDir())));
        for (String service : new String[] {"pay-service", "account-service"}) {
            pids.put(service, required(service, JavaProcess.running(layout.servicePidFile(service), service + ".jar")));
        }
        pids.put("mariadb", required("MariaDB", LocalDatabase.pid(layout.databaseDataDir())));
        Database database = LocalDatabase.running(LocalStackLayout.DATABASE_PORT);
        return new StackUnderTest() {
            @Override
            public String description() {
                return "the running local stack (" + layout.stateDir() + ")";
            }

            @Override
            public String payUrl() {
                return "http://127.0.0.1:" + LocalStackLayout.PAY_SERVICE_PORT;
            }

            @Override
            public Database database() {
                return database;
            }

            @Override
            public Map<String, Long> pids() {
                return pids;
            }

            @Override
            public void close() {
                // Not ours to stop.
            }
        };
    }

    private static long required(String what, Optional<Long> pid) {
        return pid.orElseThrow(() -> new IllegalStateException("No local stack is running here (" + what
                + " is not up): start it with ./mvnw -Plocal package, or leave out -Dbench.stack=running"));
    }
}
