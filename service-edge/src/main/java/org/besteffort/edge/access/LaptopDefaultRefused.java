package org.besteffort.edge.access;

import java.util.Locale;

/** Outside the local profile: a secret that still has the value shipped in application.yml, or the open walkthrough. */
public class LaptopDefaultRefused extends RuntimeException {

    private final String setting;

    LaptopDefaultRefused(String setting) {
        this(setting, "Refusing to start: " + setting + " still has the laptop value from application.yml; set "
                + environmentVariable(setting) + " (or run with the local profile on a laptop).");
    }

    LaptopDefaultRefused(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    /** The environment variable Spring Boot binds to the setting: spring.datasource.password, SPRING_DATASOURCE_PASSWORD. */
    static String environmentVariable(String setting) {
        return setting.replace("-", "").replace("[", "_").replace("]", "").replace('.', '_')
                .toUpperCase(Locale.ROOT);
    }
}
