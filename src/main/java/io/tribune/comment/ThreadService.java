package io.tribune.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.tribune.article.Article;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Reads an article's comments as threads in two statements whatever their number: one for the page of
 * top-level comments, one for everything under them (by {@code root_id}). The tree is assembled here.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ThreadService {

    /** A top-level comment is listed while it is visible or still has replies under it. */
    private static final String LISTED_ROOT = "c.article = :article and c.parentId is null and (c.status = "
            + "io.tribune.comment.CommentStatus.VISIBLE or exists (select 1 from Comment r where r.rootId = c.id and r.id <> c.id))";
    /** ... and, for the one who wrote it, while it is held for review (shown to them alone, marked). */
    private static final String LISTED_ROOT_FOR_VIEWER = "c.article = :article and c.parentId is null and (c.status = "
            + "io.tribune.comment.CommentStatus.VISIBLE or exists (select 1 from Comment r where r.rootId = c.id and r.id <> c.id)"
            + " or (c.status = io.tribune.comment.CommentStatus.PENDING and c.author.id = :viewer))";

    private final TribuneConfig config;

    ThreadService(TribuneConfig config) {
        this.config = config;
    }

    public CommentThread page(Article article, CommentSort sort, int page) {
        return page(article, sort, page, null);
    }

    /** The page as the logged-in user {@code viewerId} sees it: with their own held comments in place. */
    public CommentThread page(Article article, CommentSort sort, int page, Long viewerId) {
        return page(article, sort, page, viewerId, false);
    }

    /**
     * The page of threads; with {@code withFeatured}, also the featured comments shown above them, read by the same
     * statement as the threads' comments (so the article page costs no statement more for them).
     */
    private CommentThread page(Article article, CommentSort sort, int page, Long viewerId, boolean withFeatured) {
        int size = config.comments().threadsPerPage();
        int first = (page - 1) * size;
        if (sort == CommentSort.FEATURED) {
            return featuredPage(article, page, size);
        }
        var query = Comment.getEntityManager().createQuery("select c.id from Comment c where "
                + (viewerId == null ? LISTED_ROOT : LISTED_ROOT_FOR_VIEWER) + " order by " + sort.orderBy, Long.class)
                .setParameter("article", article);
        if (viewerId != null) {
            query.setParameter("viewer", viewerId);
        }
        List<Long> rootIds = query
                .setFirstResult(first)
                .setMaxResults(size + 1) // one more than a page tells whether a next page exists
                .getResultList();
        boolean hasNext = rootIds.size() > size;
        if (hasNext) {
            rootIds = rootIds.subList(0, size);
        }
        if (rootIds.isEmpty()) {
            return new CommentThread(List.of(), sort, page, false);
        }
        // the article author's account comes in the same statement (for the "Author" badge): no extra query
        var thread = Comment.getEntityManager().createQuery("select c, au.userId from Comment c join fetch c.author"
                + " join c.article a left join a.author au where c.rootId in :roots"
                + (withFeatured ? " or (c.article = :article and c.featuredAt is not null"
                        + " and c.status = io.tribune.comment.CommentStatus.VISIBLE)" : "")
                + " order by c.createdAt, c.id", Object[].class)
                .setParameter("roots", rootIds);
        if (withFeatured) {
            thread.setParameter("article", article);
        }
        List<Object[]> rows = thread.getResultList();
        List<Comment> comments = new ArrayList<>();
        List<Comment> featured = new ArrayList<>();
        java.util.Set<Long> roots = new java.util.HashSet<>(rootIds);
        for (Object[] row : rows) {
            Comment c = (Comment) row[0];
            if (roots.contains(c.rootId)) {
                comments.add(c);
            }
            if (withFeatured && c.featuredAt != null && c.status == CommentStatus.VISIBLE) {
                featured.add(c);
            }
        }
        Long articleAuthor = rows.isEmpty() ? null : (Long) rows.get(0)[1];
        CommentThread threads = new CommentThread(assemble(rootIds, comments, sort, viewerId, articleAuthor), sort, page, hasNext);
        if (!withFeatured) {
            return threads;
        }
        featured.sort(java.util.Comparator.comparing((Comment c) -> c.featuredAt).thenComparing(c -> c.id).reversed());
        return threads.withFeatured(featured.stream().limit(config.comments().featuredShown()).map(c -> {
            CommentNode node = new CommentNode(c);
            node.byArticleAuthor(articleAuthor);
            return node;
        }).toList());
    }

    /**
     * The featured comments of an article, most recently featured first, each without its replies: the article
     * page's "Featured comments" block (on its first page) and {@code ?sort=featured}. Only visible comments: a
     * featured comment that is removed, deleted or held leaves the block (and comes back if restored).
     */
    public List<CommentNode> featured(Article article, int first, int max) {
        List<Object[]> rows = Comment.getEntityManager().createQuery("select c, au.userId from Comment c join fetch c.author"
                + " join c.article a left join a.author au where c.article = :article and c.featuredAt is not null"
                + " and c.status = io.tribune.comment.CommentStatus.VISIBLE order by c.featuredAt desc, c.id desc", Object[].class)
                .setParameter("article", article).setFirstResult(first).setMaxResults(max).getResultList();
        List<CommentNode> nodes = new ArrayList<>();
        for (Object[] row : rows) {
            CommentNode node = new CommentNode((Comment) row[0]);
            node.byArticleAuthor((Long) row[1]);
            nodes.add(node);
        }
        return nodes;
    }

    /** The page of threads with, on the first page, the featured comments above them (the article page). */
    public CommentThread pageWithFeatured(Article article, CommentSort sort, int page, Long viewerId) {
        return page(article, sort, page, viewerId, page == 1);
    }

    /** One top-level comment's whole thread ({@code ?thread=} on the article page), or empty when not listed. */
    public Optional<CommentThread> wholeThread(Article article, long rootId, Long viewerId) {
        var query = Comment.getEntityManager().createQuery("select c.id from Comment c where c.id = :root and "
                + (viewerId == null ? LISTED_ROOT : LISTED_ROOT_FOR_VIEWER), Long.class)
                .setParameter("article", article).setParameter("root", rootId);
        if (viewerId != null) {
            query.setParameter("viewer", viewerId);
        }
        if (query.getResultList().isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = Comment.getEntityManager().createQuery("select c, au.userId from Comment c join fetch c.author"
                + " join c.article a left join a.author au where c.rootId = :root order by c.createdAt, c.id", Object[].class)
                .setParameter("root", rootId).getResultList();
        List<Comment> comments = rows.stream().map(r -> (Comment) r[0]).toList();
        Long articleAuthor = rows.isEmpty() ? null : (Long) rows.get(0)[1];
        List<CommentNode> roots = assemble(List.of(rootId), comments, CommentSort.OLDEST, viewerId, articleAuthor);
        return roots.isEmpty() ? Optional.empty()
                : Optional.of(new CommentThread(roots, CommentSort.OLDEST, 1, false).asWholeThread());
    }

    private CommentThread featuredPage(Article article, int page, int size) {
        List<CommentNode> nodes = featured(article, (page - 1) * size, size + 1);
        boolean hasNext = nodes.size() > size;
        return new CommentThread(hasNext ? nodes.subList(0, size) : nodes, CommentSort.FEATURED, page, hasNext);
    }

    /** The viewer of a page of threads: their votes on it are read in one statement. */
    public Viewer viewer(io.tribune.account.User user, boolean open, CommentThread thread) {
        if (user == null) {
            return Viewer.ANONYMOUS;
        }
        java.util.List<Long> ids = new ArrayList<>();
        thread.threads().forEach(node -> collectIds(node, ids));
        java.util.Set<Long> voted = ids.isEmpty() ? java.util.Set.of()
                : new java.util.HashSet<>(Comment.getEntityManager()
                        .createQuery("select v.key.commentId from Vote v where v.key.userId = :user and v.key.commentId in :ids", Long.class)
                        .setParameter("user", user.id).setParameter("ids", ids).getResultList());
        return viewer(user, open, voted);
    }

    public Viewer viewer(io.tribune.account.User user, boolean open, java.util.Set<Long> voted) {
        String block = user.participationBlock().orElse(null);
        return new Viewer(user.username, block, open, voted, config.comments().editMinutes(), java.util.Set.of(), null,
                block == null && user.hasRole("moderator"), false);
    }

    private static void collectIds(CommentNode node, java.util.List<Long> ids) {
        ids.add(node.id());
        node.replies().forEach(reply -> collectIds(reply, ids));
    }

    /** The comment's anchor on its article, on the page of threads (oldest first) that holds it. */
    public String anchor(Comment comment) {
        int page = pageOf(comment);
        return "/articles/" + comment.article.slug + (page > 1 ? "?page=" + page : "") + "#c" + comment.id;
    }

    /** Which page of threads (oldest first) holds the comment, for permalinks. */
    public int pageOf(Comment comment) {
        Comment root = comment.rootId == null || comment.rootId.equals(comment.id) ? comment : Comment.findById(comment.rootId);
        long before = Comment.getEntityManager()
                .createQuery("select count(c) from Comment c where " + LISTED_ROOT
                        + " and (c.createdAt < :created or (c.createdAt = :created and c.id < :id))", Long.class)
                .setParameter("article", root.article)
                .setParameter("created", root.createdAt)
                .setParameter("id", root.id)
                .getSingleResult();
        return (int) (before / config.comments().threadsPerPage()) + 1;
    }

    /**
     * A comment as readers without an account see it, with the comment it is shown under ({@code shownUnder}: its
     * parent, or for a reply past the depth cap the ancestor whose replies list holds it; null at the top level).
     */
    public record Shown(long articleId, Long shownUnder, CommentNode node) {
    }

    /**
     * The comments {@code ids} as readers without an account see them, without their replies, in three statements
     * whatever their number: the comments, their parents (for "in reply to" past the depth cap), and the ancestors
     * that hold replies past the cap.
     */
    public List<Shown> shown(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = Comment.getEntityManager().createQuery("select c, a.id, au.userId from Comment c join fetch c.author"
                + " join c.article a left join a.author au where c.id in :ids order by c.id", Object[].class)
                .setParameter("ids", ids).getResultList();
        int maxDepth = config.comments().maxDepth();
        java.util.Set<Long> parentIds = new java.util.HashSet<>();
        java.util.Set<Long> capped = new java.util.HashSet<>();
        for (Object[] row : rows) {
            Comment c = (Comment) row[0];
            if (c.parentId != null) {
                parentIds.add(c.parentId);
                if (c.depth >= maxDepth) {
                    capped.add(c.id);
                }
            }
        }
        Map<Long, Comment> parents = new HashMap<>();
        if (!capped.isEmpty()) {
            Comment.getEntityManager().createQuery("select p from Comment p join fetch p.author where p.id in :ids", Comment.class)
                    .setParameter("ids", parentIds).getResultList().forEach(p -> parents.put(p.id, p));
        }
        Map<Long, Long> holders = capped.isEmpty() ? Map.of() : holders(capped, maxDepth);
        List<Shown> shown = new ArrayList<>();
        for (Object[] row : rows) {
            Comment c = (Comment) row[0];
            CommentNode node = new CommentNode(c);
            node.byArticleAuthor((Long) row[2]);
            Long under = c.parentId;
            Comment parent = c.parentId == null ? null : parents.get(c.parentId);
            if (parent != null && parent.depth >= maxDepth) {
                node.inReplyTo(parent.author.displayName);
                under = holders.getOrDefault(c.id, c.parentId);
            }
            shown.add(new Shown((Long) row[1], under, node));
        }
        return shown;
    }

    /** For each comment at the depth cap, its nearest ancestor below the cap: the one whose replies list holds it. */
    private static Map<Long, Long> holders(java.util.Set<Long> capped, int maxDepth) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Comment.getEntityManager().createNativeQuery("with recursive up (id, parent_id, depth, start) as ("
                + " select id, parent_id, depth, id from comment where id = any(cast(?1 as bigint[]))"
                + " union all select p.id, p.parent_id, p.depth, up.start from comment p join up on p.id = up.parent_id"
                + " where up.depth >= ?2)"
                + " select start, id from up where depth < ?2 and id <> start")
                .setParameter(1, capped.toArray(Long[]::new)).setParameter(2, maxDepth).getResultList();
        Map<Long, Long> holders = new HashMap<>();
        rows.forEach(r -> holders.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return holders;
    }

    public Optional<Comment> find(long id) {
        return Comment.find("select c from Comment c join fetch c.article where c.id = ?1", id).firstResultOptional();
    }

    private List<CommentNode> assemble(List<Long> rootIds, List<Comment> comments, CommentSort sort, Long viewerId,
            Long articleAuthorUserId) {
        Map<Long, CommentNode> nodes = new HashMap<>();
        Map<Long, CommentNode> container = new HashMap<>();
        for (Comment c : comments) {
            CommentNode node = new CommentNode(c).shownToAuthor(viewerId);
            node.byArticleAuthor(articleAuthorUserId);
            nodes.put(c.id, node);
        }
        int maxDepth = config.comments().maxDepth();
        for (Comment c : comments) { // oldest first, so a parent is always placed before its replies
            CommentNode node = nodes.get(c.id);
            CommentNode parent = c.parentId == null ? null : nodes.get(c.parentId);
            if (parent == null) {
                continue;
            }
            CommentNode into = parent;
            if (parent.depth() >= maxDepth && container.containsKey(parent.id())) {
                into = container.get(parent.id());
                node.inReplyTo(parent.authorName());
            }
            into.replies().add(node);
            container.put(node.id(), into);
        }
        List<CommentNode> roots = new ArrayList<>();
        for (Long id : rootIds) {
            CommentNode root = nodes.get(id);
            if (root != null && prune(root, sort)) {
                roots.add(root);
            }
        }
        return roots;
    }

    /** Sorts replies and drops hidden comments that have nothing visible under them; true if the node stays. */
    private boolean prune(CommentNode node, CommentSort sort) {
        node.replies().removeIf(reply -> !prune(reply, sort));
        node.replies().sort(sort.comparator);
        return node.isVisible() || node.heldForViewer() || node.hasReplies();
    }
}
