package org.besteffort.console.timeline;

import org.besteffort.console.ServiceClients;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the three services' journals forward and feeds every new entry to the timelines.
 */
@Component
public class Journals {

    private final List<JournalFollower> followers;
    private final PayTimelines timelines;

    Journals(ServiceClients clients, PayTimelines timelines) {
        this.followers = List.of(
                new JournalFollower(ServiceClients.PAY, clients.pay()),
                new JournalFollower(ServiceClients.GATEWAY, clients.gateway()),
                new JournalFollower(ServiceClients.ACCOUNT, clients.account()));
        this.timelines = timelines;
    }

    /** Reads what each service journaled since the last call. */
    public Read readNew() {
        Set<String> changed = new LinkedHashSet<>();
        boolean credited = false;
        for (JournalFollower follower : followers) {
            List<JournalEntryView> entries = follower.readNew();
            credited |= entries.stream().anyMatch(entry -> "CREDITED".equals(entry.outcome()));
            changed.addAll(timelines.accept(follower.service(), entries));
        }
        return new Read(changed, credited);
    }

    /** Whether each service answered its last read, and how many journal entries the console missed. */
    public Map<String, ServiceState> states() {
        Map<String, ServiceState> states = new LinkedHashMap<>();
        followers.forEach(f -> states.put(f.service(), new ServiceState(f.reachable(), f.missed())));
        return states;
    }

    /**
     * @param changed  the pays whose timeline changed
     * @param credited whether some pay was credited: balances changed
     */
    public record Read(Set<String> changed, boolean credited) {
    }

    /** @param missed journal entries dropped before the console read them (it fell behind a full ring) */
    public record ServiceState(boolean up, long missed) {
    }
}
