package io.tribune.comment;

import java.time.Instant;
import java.util.List;

import io.tribune.account.AccountExport;
import io.tribune.account.UserComments;
import io.tribune.article.ArticleStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** The comments a user wrote, for the account pages ({@link UserComments}). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
class CommentsOfUsers implements UserComments {

    private final CommentModeration moderation;

    CommentsOfUsers(CommentModeration moderation) {
        this.moderation = moderation;
    }

    @Override
    public long visibleCount(long userId) {
        return Comment.count("author.id = ?1 and status = ?2 and article.status = ?3", userId, CommentStatus.VISIBLE,
                ArticleStatus.PUBLISHED);
    }

    @Override
    public List<Latest> latest(long userId, int limit) {
        return Comment.<Comment>find("""
                from Comment c join fetch c.article a
                where c.author.id = ?1 and c.status = ?2 and a.status = ?3 and a.publishedAt <= ?4
                order by c.createdAt desc""", userId, CommentStatus.VISIBLE, ArticleStatus.PUBLISHED, Instant.now())
                .page(0, limit).list().stream()
                .map(c -> new Latest(c.id, c.article.headline, excerpt(c.body), c.createdAt)).toList();
    }

    @Override
    public List<AccountExport.CommentData> export(long userId) {
        return Comment.<Comment>find("from Comment c join fetch c.article where c.author.id = ?1 order by c.createdAt",
                userId).stream()
                .map(c -> new AccountExport.CommentData(c.id, c.article.slug, c.article.headline, c.parentId, c.body,
                        c.status.name(), c.createdAt, c.editedAt, c.voteCount))
                .toList();
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void deleteAll(long userId) {
        for (Comment c : Comment.<Comment>list("author.id = ?1 and status <> ?2", userId, CommentStatus.DELETED)) {
            moderation.setStatus(c, CommentStatus.DELETED);
            c.body = "";
            c.bodyHtml = "";
        }
    }

    static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ").strip();
        return flat.length() <= 200 ? flat : flat.substring(0, 199) + "…";
    }
}
