package org.besteffort.drills.scenario;

import java.net.URI;
import java.util.Optional;

/**
 * The notify gateway's operator API as the scenarios use it (open to this machine under the local profile): find a
 * pay's task, read its attempts, re-notify it.
 */
class NotifyGatewayClient {

    /** Newest tasks first: a scenario's pay is among the last few the gateway took. */
    private static final int NEWEST = 100;

    private final JsonHttpClient http;

    NotifyGatewayClient(URI base) {
        this.http = new JsonHttpClient(base);
    }

    URI base() {
        return http.base();
    }

    Reply endpointsReply() {
        return http.get("/operator/endpoints");
    }

    /** The gateway's task for this pay and receiver, or empty while the gateway has not taken the pay yet. */
    Optional<NotifyTaskView> taskOf(String txNo, String receiverId) {
        String path = "/operator/tasks?receiverId=" + receiverId + "&limit=" + NEWEST;
        return http.get(path).expect(200, "GET " + path).asListOf(NotifyTaskView.class).stream()
                .filter(task -> task.txNo().equals(txNo)).findFirst();
    }

    /** The task with every attempt, or empty while the gateway has not taken the pay yet. */
    Optional<NotifyTaskDetailView> detailOf(String txNo, String receiverId) {
        return taskOf(txNo, receiverId).map(task -> detail(task.id()));
    }

    NotifyTaskDetailView detail(long taskId) {
        String path = "/operator/tasks/" + taskId;
        return http.get(path).expect(200, "GET " + path).as(NotifyTaskDetailView.class);
    }

    /** {@code POST /operator/tasks/{id}/renotify}: attempts reset, due now (the course's 重置通知位点). */
    NotifyTaskView renotify(long taskId) {
        String path = "/operator/tasks/" + taskId + "/renotify";
        return http.post(path).expect(200, "POST " + path).as(NotifyTaskView.class);
    }
}
