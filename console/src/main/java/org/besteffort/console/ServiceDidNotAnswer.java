package org.besteffort.console;

/**
 * A service the console forwarded an action to did not answer.
 */
public class ServiceDidNotAnswer extends RuntimeException {

    public ServiceDidNotAnswer(String service, Throwable cause) {
        super(service + " did not answer: " + cause.getMessage(), cause);
    }
}
