package org.besteffort.console.live;

import org.besteffort.console.ConsoleProperties;
import org.besteffort.console.scenario.ScenarioRunner;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console page ({@code GET /}) and its live feed ({@code GET /live}, server-sent events).
 */
@Controller
class ConsoleController {

    private final ConsoleProperties properties;
    private final ScenarioRunner scenarios;
    private final LiveFeed feed;
    private final LiveTicker ticker;

    ConsoleController(ConsoleProperties properties, ScenarioRunner scenarios, LiveFeed feed, LiveTicker ticker) {
        this.properties = properties;
        this.scenarios = scenarios;
        this.feed = feed;
        this.ticker = ticker;
    }

    @GetMapping("/")
    String console(Model model) {
        model.addAttribute("payService", properties.payServiceLink());
        model.addAttribute("accountService", properties.accountServiceLink());
        model.addAttribute("notifyGateway", properties.notifyGatewayLink());
        model.addAttribute("notifyUrl", properties.notifyUrl());
        model.addAttribute("checkoutUrl", properties.checkoutLink());
        model.addAttribute("scenarios", scenarios.titles());
        model.addAttribute("timelinesShown", properties.timelinesShown());
        return "console";
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> live() {
        SseEmitter page = feed.open();
        if (page == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
        }
        ticker.sendSnapshot(page);
        return ResponseEntity.ok(page);
    }
}
