package org.besteffort.drills.scenario;

import java.time.Instant;

/**
 * The fault switches of both services for one scenario: turns on what the scenario needs and everything else off,
 * and on close puts every switch back as it found it, also when the run is stopped with Ctrl-C.
 */
class FaultSwitches implements AutoCloseable {

    private final Stack stack;
    private final Timeline timeline;
    private final NotifierFaults notifierBefore;
    private final ReceiverFaults receiverBefore;
    private final Thread restoreOnExit;
    private boolean restored;

    private FaultSwitches(Stack stack, Timeline timeline, NotifierFaults notifierBefore,
                          ReceiverFaults receiverBefore) {
        this.stack = stack;
        this.timeline = timeline;
        this.notifierBefore = notifierBefore;
        this.receiverBefore = receiverBefore;
        this.restoreOnExit = new Thread(this::restoreOnExit, "restore-fault-switches");
    }

    /** Notes the switches as they are now, to put them back on {@link #close()}. */
    static FaultSwitches take(Stack stack, Timeline timeline) {
        NotifierFaults notifier = stack.pay().faults();
        ReceiverFaults receiver = stack.account().faults();
        if (!notifier.allOff(Instant.now()) || !receiver.allOff()) {
            // Someone left switches on: say so, since they would change what the trainee is about to see.
            timeline.step("fault switches found on (pay-service: " + notifier.describe(Instant.now())
                    + "; account-service: " + receiver.describe() + "): off for this run, put back at its end");
        }
        FaultSwitches switches = new FaultSwitches(stack, timeline, notifier, receiver);
        Runtime.getRuntime().addShutdownHook(switches.restoreOnExit);
        return switches;
    }

    /** Sets both services' switches to exactly these values and tells which ones are on. */
    void set(NotifierFaults.Change notifier, ReceiverFaults.Change receiver) {
        NotifierFaults notifierNow = stack.pay().changeFaults(notifier);
        ReceiverFaults receiverNow = stack.account().changeFaults(receiver);
        timeline.step("fault switches: pay-service " + notifierNow.describe(Instant.now()) + "; account-service "
                + receiverNow.describe());
    }

    @Override
    public void close() {
        try {
            restore();
            timeline.step("fault switches put back as they were");
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run: nothing left to remove.
            }
        }
    }

    private synchronized void restore() {
        if (restored) {
            return;
        }
        stack.pay().changeFaults(NotifierFaults.Change.restoring(notifierBefore, Instant.now()));
        stack.account().changeFaults(ReceiverFaults.Change.restoring(receiverBefore));
        restored = true;
    }

    private void restoreOnExit() {
        try {
            restore();
            timeline.step("stopped: fault switches put back as they were");
        } catch (RuntimeException e) {
            timeline.step("stopped: could not put the fault switches back (" + e.getMessage()
                    + "); check GET /ops/faults on both services");
        }
    }
}
