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
    private final Appeals appealService;
    private final Map<Queue, Long> counts = new EnumMap<>(Queue.class);
    private Long appeals;

    ModerationNav(QueueService queues, Appeals appealService) {
        this.queues = queues;
        this.appealService = appealService;
    }

    public long appeals() {
        if (appeals == null) {
            appeals = appealService.openCount();
        }
        return appeals;
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
