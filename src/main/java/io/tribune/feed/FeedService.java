package io.tribune.feed;

import java.util.List;

import io.quarkus.panache.common.Parameters;
import io.tribune.article.Article;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads for the feeds that the article service does not already offer. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class FeedService {

    /** The newest visible comments of an article, with their authors. */
    public List<Comment> latestComments(Article article, int limit) {
        return Comment.<Comment>find("select c from Comment c join fetch c.author where c.article = :article"
                + " and c.status = :visible order by c.createdAt desc, c.id desc",
                Parameters.with("article", article).and("visible", CommentStatus.VISIBLE)).range(0, limit - 1).list();
    }
}
