package io.tribune.reading;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.security.identity.SecurityIdentity;
import io.tribune.account.session.SessionIdentityProvider;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.KeptNavs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What a logged-in reader's article page needs of them, kept in memory so that their next page is answered on the
 * event loop without a statement ({@link LoggedInArticleRoute}): per article, their state as {@link ReaderStates} read
 * it with the article's versions at the time (their header's links are kept by {@link KeptNavs}).
 * <p>
 * Kept until PostgreSQL announces a change to it ({@code reader:<id>} from V19's triggers on their votes, mutes,
 * notifications, held comments and participation; {@code user:<id>} from V7's on their session columns) and, for this
 * instance's own writes, forgotten before the response to any write of theirs goes out, so that their next page
 * shows it (read-your-writes), together with their kept header. Nothing is kept or used while this instance is not listening.
 */
@ApplicationScoped
class KeptReaders implements DatabaseChanges.Listener {

    /** A reader's state on an article, read when its thread and vote versions were these (or later). */
    record Seen(ReaderStates.State state, long threadVersion, long voteVersion) {

        boolean currentFor(AnonymousArticlePages.Stamp stamp) {
            return stamp.threadVersion() >= threadVersion && stamp.voteVersion() >= voteVersion;
        }
    }

    private static final class Reader {
        final Map<Long, Seen> articles = new ConcurrentHashMap<>();
    }

    private final DatabaseChanges changes;
    private final SecurityIdentity identity;
    private final KeptNavs navs;
    private final Cache<Long, Reader> readers = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();
    /** Counts forgets, so that a state read while one happened is not kept (it may predate the change). */
    private final AtomicLong forgets = new AtomicLong();

    KeptReaders(DatabaseChanges changes, SecurityIdentity identity, KeptNavs navs) {
        this.changes = changes;
        this.navs = navs;
        this.identity = identity;
        changes.subscribe(this);
    }

    /** Where a read starts: pass it to {@link #keep} so that a forget that comes meanwhile wins. */
    long beforeRead() {
        return forgets.get();
    }

    Optional<Seen> seen(long userId, long articleId) {
        Reader reader = changes.isLive() ? readers.getIfPresent(userId) : null;
        return reader == null ? Optional.empty() : Optional.ofNullable(reader.articles.get(articleId));
    }

    /** Keeps what was read since {@code readStart} ({@link #beforeRead}), unless a forget came meanwhile. */
    void keep(long readStart, long userId, long articleId, Seen seen) {
        if (!changes.isLive()) {
            return;
        }
        Reader reader = readers.get(userId, id -> new Reader());
        reader.articles.put(articleId, seen);
        if (forgets.get() != readStart) {
            readers.invalidate(userId);
        }
    }

    void forget(long userId) {
        forgets.incrementAndGet();
        readers.invalidate(userId);
    }

    private void forgetAllOf(long userId) {
        forget(userId);
        navs.forget(userId);
    }

    /**
     * Any write of a logged-in reader through this instance (every request but GET, HEAD and OPTIONS; its
     * transaction has committed by now): forget what was kept about them before the response reaches them.
     */
    @ServerResponseFilter
    public void forgetOnWrite(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")) {
            // the session's own id only: never a query here (identities made without a session have none)
            Long userId = identity.isAnonymous() ? null : identity.getAttribute(SessionIdentityProvider.USER_ID);
            if (userId != null) {
                forgetAllOf(userId);
            }
        }
    }

    @Override
    public void changed(String notice) {
        KeptNavs.forReader(notice, this::forget, this::forgetAll);
    }

    @Override
    public void forgetAll() {
        forgets.incrementAndGet();
        readers.invalidateAll();
    }
}
