package io.tribune.moderation;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The queue counts in the admin navigation: {@code {inject:moderationNav.reported}}. Read once per request. */
@Named("moderationNav")
@RequestScoped
public class ModerationNav {

    private final QueueService queues;
    private final Map<Queue, Long> counts = new EnumMap<>(Queue.class);

    ModerationNav(QueueService queues) {
        this.queues = queues;
    }

    public long reported() {
        return count(Queue.REPORTED);
    }

    public long held() {
        return count(Queue.HELD);
    }

    public long recent() {
        return count(Queue.RECENT);
    }

    public long removed() {
        return count(Queue.REMOVED);
    }

    private long count(Queue q) {
        return counts.computeIfAbsent(q, queues::count);
    }
}
