package io.tribune.editorial;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Publishes scheduled articles when their time comes. Safe on any number of instances (see publishDue). */
@ApplicationScoped
class PublishScheduler {

    private static final Logger LOG = Logger.getLogger(PublishScheduler.class);

    private final EditorialService editorial;

    PublishScheduler(EditorialService editorial) {
        this.editorial = editorial;
    }

    @Scheduled(every = "${tribune.editorial.publish-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        int published = editorial.publishDue();
        if (published > 0) {
            LOG.infof("Published %d scheduled article(s)", published);
        }
    }
}
