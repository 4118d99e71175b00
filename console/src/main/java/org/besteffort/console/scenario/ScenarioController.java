package org.besteffort.console.scenario;

import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /scenarios/{name}}: runs a narrated scenario (202); its narration arrives on the live feed.
 */
@RestController
class ScenarioController {

    private final ScenarioRunner runner;

    ScenarioController(ScenarioRunner runner) {
        this.runner = runner;
    }

    @PostMapping(path = "/scenarios/{name}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    void run(@PathVariable String name) {
        runner.start(name);
    }
}
