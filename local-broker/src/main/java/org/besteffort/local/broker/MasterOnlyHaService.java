package org.besteffort.local.broker;

import org.apache.rocketmq.store.ha.DefaultHAService;

/**
 * RocketMQ's master-slave replication without the socket on which slaves connect. {@link DefaultHAService} listens for
 * them on {@code haListenPort} on every interface and offers no bind address; this broker is a master that never has a
 * slave, so the port stays closed and nothing of the broker listens beyond {@code 127.0.0.1}.
 *
 * <p>The store loads it instead of the default through RocketMQ's {@code ServiceProvider}: the class is named in
 * {@code META-INF/service/org.apache.rocketmq.store.ha.HAService}. Public with a public constructor for that reason.
 */
public final class MasterOnlyHaService extends DefaultHAService {

    /** What {@code super.start()} does, except opening the slaves' port: the services that do not touch the network. */
    @Override
    public void start() {
        groupTransferService.start();
        haConnectionStateNotificationService.start();
    }
}
