package org.besteffort.account.recharge;

import jakarta.validation.Valid;
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

    RechargeController(RechargeService recharges) {
        this.recharges = recharges;
    }

    /** 202: the recharge is recorded; its result may still be on its way. */
    @PostMapping("/recharges")
    ResponseEntity<RechargeView> start(@Valid @RequestBody RechargeRequest request) {
        Recharge recharge = recharges.start(request);
        return ResponseEntity.accepted()
                .location(URI.create("/recharges/" + recharge.txNo()))
                .body(RechargeView.of(recharge));
    }

    @GetMapping("/recharges/{txNo}")
    RechargeView recharge(@PathVariable String txNo) {
        return RechargeView.of(recharges.find(txNo));
    }
}
