package org.besteffort.drills.scenario;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONObject;

import java.util.List;

/**
 * A status and a body, as a service answered them.
 */
record Reply(int status, String body) {

    boolean ok() {
        return status >= 200 && status < 300;
    }

    <T> T as(Class<T> type) {
        return JSON.parseObject(body, type);
    }

    /** A JSON array of {@code type}. */
    <T> List<T> asListOf(Class<T> type) {
        return JSON.parseArray(body, type);
    }

    /** The {@code detail} of a problem answer, else the body as it came. */
    String detail() {
        try {
            JSONObject problem = JSON.parseObject(body);
            if (problem != null && problem.getString("detail") != null) {
                return problem.getString("detail");
            }
        } catch (RuntimeException notJson) {
            // Not a problem detail: the body itself is the best description there is.
        }
        return body == null ? "" : body.strip();
    }

    /** This reply, if its status is {@code expected}; otherwise the scenario cannot go on as told. */
    Reply expect(int expected, String request) {
        if (status != expected) {
            throw new UnexpectedAnswer(request + " answered " + status + " instead of " + expected + ": " + detail());
        }
        return this;
    }
}
