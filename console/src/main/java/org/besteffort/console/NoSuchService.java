package org.besteffort.console;

/**
 * The page named a service the console does not know.
 */
public class NoSuchService extends RuntimeException {

    public NoSuchService(String service) {
        super("no service named " + service + " has fault switches; pay-service and account-service have");
    }
}
