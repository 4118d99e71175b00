package org.besteffort.console.timeline;

import org.besteffort.console.ServiceClients;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the three services' journals forward and feeds every new entry to the timelines.
 */
@Component
public class JournalReader {

    private final List<JournalFollower> followers;
    private final PayTimelines timelines;

    JournalReader(ServiceClients console, PayTimelines timelines) {
        ServiceClients clients = console.reading();
        List<JournalFollower> all = new ArrayList<>(List.of(
                new JournalFollower(ServiceClients.PAY, ServiceClients.PAY, clients.pay()),
                new JournalFollower(ServiceClients.GATEWAY, ServiceClients.GATEWAY, clients.gateway()),
                new JournalFollower(ServiceClients.ACCOUNT, ServiceClients.ACCOUNT, clients.account())));
        for (int i = 0; i < clients.accountReplicas().size(); i++) {
            all.add(new JournalFollower(ServiceClients.ACCOUNT, ServiceClients.ACCOUNT + "-" + (i + 2),
                    clients.accountReplicas().get(i)));
        }
        this.followers = List.copyOf(all);
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
        followers.forEach(f -> states.put(f.instance(), new ServiceState(f.reachable(), f.missed())));
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
