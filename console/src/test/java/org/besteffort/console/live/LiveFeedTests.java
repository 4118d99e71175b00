package org.besteffort.console.live;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LiveFeedTests {

    private final LiveFeed feed = new LiveFeed();

    @Test
    void aPageWhoseStreamFailedIsForgottenAndTheOthersStillGetTheEvent() {
        RecordingPage open = new RecordingPage(null);
        feed.register(new RecordingPage(new IllegalStateException("async context used after an error")));
        feed.register(new RecordingPage(new IOException("broken pipe")));
        feed.register(open);

        assertThatCode(() -> feed.publish("scenario", "a line")).doesNotThrowAnyException();

        assertThat(open.sent).hasSize(1);
        assertThat(feed.openPages()).isEqualTo(1);
    }

    @Test
    void refusesAPageBeyondTheLimit() {
        for (int i = 0; i < LiveFeed.MAX_PAGES; i++) {
            assertThat(feed.register(new RecordingPage(null))).isTrue();
        }

        assertThat(feed.register(new RecordingPage(null))).isFalse();
        assertThat(feed.open()).isNull();
    }

    /** A page that records what it was sent, or fails as a closed browser's stream does. */
    private static final class RecordingPage extends SseEmitter {

        private final Exception failure;
        private final List<Object> sent = new ArrayList<>();

        RecordingPage(Exception failure) {
            this.failure = failure;
        }

        @Override
        public void send(SseEventBuilder event) throws IOException {
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            sent.add(event);
        }

        @Override
        public synchronized void complete() {
            if (failure != null) {
                throw new IllegalStateException("already over");
            }
        }

        @Override
        public synchronized void completeWithError(Throwable ex) {
            if (failure != null) {
                throw new IllegalStateException("already over");
            }
        }
    }
}
