package org.besteffort.edge.access;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Refuses to start, outside the local profile, while a secret still has the value the service's own
 * {@code application.yml} gives it: that value is in every clone of this repository. The settings checked are the
 * ones the service lists under {@code edge.laptop-defaults}. Runs before any bean is made, so nothing has connected
 * or listened yet; {@link LaptopDefaultRefusedAnalyzer} prints the one line that says what to set.
 */
public final class LaptopDefaults implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final String SHIPPED = "[application.yml]";

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            return;
        }
        List<String> settings = new ArrayList<>();
        for (int i = 0; environment.containsProperty("edge.laptop-defaults[" + i + "]"); i++) {
            settings.add(environment.getProperty("edge.laptop-defaults[" + i + "]"));
        }
        if (environment.getProperty("edge.access.open-walkthrough", Boolean.class, false)) {
            throw new LaptopDefaultRefused("edge.access.open-walkthrough",
                    "Refusing to start: edge.access.open-walkthrough lets keyless requests in, and is for the local"
                            + " profile only; set EDGE_ACCESS_OPEN_WALKTHROUGH=false.");
        }
        for (String setting : settings) {
            Object shipped = shippedValue(setting);
            if (shipped != null && Objects.equals(String.valueOf(shipped), environment.getProperty(setting))) {
                throw new LaptopDefaultRefused(setting);
            }
        }
    }

    /** The value this service's own application.yml gives the setting, or null. */
    private Object shippedValue(String setting) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source.getName().contains(SHIPPED)) {
                return source.getProperty(setting);
            }
        }
        return null;
    }
}
