package org.besteffort.account.recharge;

import jakarta.validation.Valid;
import org.besteffort.common.journal.Journal;
import org.besteffort.common.journal.JournalStep;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * Starts a recharge and shows where it stands.
 */
@RestController
class RechargeController {

    private final RechargeService recharges;
    private final Journal journal;

    RechargeController(RechargeService recharges, Journal journal) {
        this.recharges = recharges;
        this.journal = journal;
    }

    /** 202: the recharge is recorded; its result may still be on its way. */
    @PostMapping("/recharges")
    ResponseEntity<RechargeView> start(@Valid @RequestBody RechargeRequest request) {
        Recharge recharge = recharges.start(request);
        // Stamped when it was recorded: its result may have been applied, and journaled, before start returned.
        journal.append(recharge.createdAt(), recharge.txNo(), JournalStep.RECHARGE_STARTED, null,
                recharge.status().name(), recharge.accountNo(), recharge.amount(),
                "recorded; pay-service asked to pay it");
        return ResponseEntity.accepted()
                .location(URI.create("/recharges/" + recharge.txNo()))
                .body(RechargeView.of(recharge));
    }

    @GetMapping("/recharges/{txNo}")
    RechargeView recharge(@PathVariable String txNo) {
        return RechargeView.of(recharges.find(txNo));
    }
}
