package org.besteffort.drills.consistency;

import org.besteffort.drills.benchmark.Percentiles;

import java.util.List;
import java.util.Map;

/**
 * What one send mode did in the comparison.
 *
 * @param mode               pay-service's {@code notifier.send-mode}
 * @param crashes            how many times pay-service was halted, per crash point
 * @param pays               recharges made around the crashes
 * @param committed          of those, pays pay-service committed
 * @param lost               committed pays no message announced: settled by the receiver's reconciliation or statement
 * @param lostNotRepaired    lost pays still not credited at the end (must be 0)
 * @param duplicates         messages beyond the first for a pay (a relay's second publish, a check-back's commit of a
 *                           retried pay, …), all absorbed by the receiver's idempotency
 * @param doubleCredits      pays credited twice, from the balances (must be 0)
 * @param settledBy          how the committed pays were settled at the receiver
 * @param convergedSeconds   from the last crash pay to every pay settled and every message tallied
 * @param settledPerSecond   clean run: pays credited per second at maximum (null if not measured)
 * @param latencyAtRate      clean run: pay commit → credited, at the fixed rate (null if not measured)
 * @param statementsPerPay   clean run: database statements per settled pay at maximum
 * @param cpuMsPerPay        clean run: CPU ms of every process of the stack and the load generator per settled pay
 * @param violations         broken invariants, each said in words
 * @param extra              figures only this mode has (2PC: what each kill did to the locks)
 */
record ModeFigures(String mode, Map<String, Integer> crashes, int pays, int committed, int lost, int lostNotRepaired,
                   int duplicates, long doubleCredits, Map<String, Integer> settledBy, double convergedSeconds,
                   Double settledPerSecond, Percentiles latencyAtRate, Double statementsPerPay, Double cpuMsPerPay,
                   List<String> violations, Map<String, Object> extra) {
}
