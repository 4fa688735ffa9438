package io.tribune.importer;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tribune.account.AccountRules;
import io.tribune.markdown.MarkdownRenderer;
import jakarta.persistence.EntityManager;

/**
 * The second pass: writes what the file holds, in batches of {@link #BATCH} comments, each batch one transaction.
 * Comment ids are taken from the table's sequence before the insert, so a reply is written with its parent's id,
 * root and depth in one statement; a reply met before the comment it answers waits for it. Comments are inserted
 * with JDBC batches; articles, sections, authors once each. At the end of each batch the touched articles get their
 * visible-comment count recounted and their thread version bumped (the article trigger then tells every instance
 * to forget the cached pages).
 */
final class ImportBatches implements Source.Sink {

    static final int BATCH = 2000;
    /** Rows per multi-row insert (9 parameters each: well under PostgreSQL's 65,535). */
    private static final int ROWS = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,60}");
    private static final Pattern WORDPRESS_IDENTIFIER = Pattern.compile("^(\\d+)(\\s.*)?$");

    private record Placed(long id, long root, int depth) {
    }

    private record Row(long id, long articleId, Long parentId, long rootId, long authorId, String body, String html,
            int depth, Instant createdAt, String sourceId) {
    }

    private record NewUser(long id, String username, String email, String displayName, Instant createdAt, String key) {
    }

    private final ImportKind kind;
    private final ImportPlan plan;
    private final EntityManager em;
    private final MarkdownRenderer markdown;
    private final int maxDepth;
    private final Importer.Progress progress;
    private final ImportReport report;

    private final Map<String, Long> articles;
    private final Map<String, Long> comments;
    private final Map<String, Long> sections;
    private final Map<String, Long> authors;
    private final Map<String, Long> users;
    private final Map<String, Long> threads = new HashMap<>();
    private final Map<String, Placed> placed = new HashMap<>();
    private final Map<String, List<Source.Comment>> waiting = new HashMap<>();

    private final List<Row> rows = new ArrayList<>();
    private final List<NewUser> newUsers = new ArrayList<>();
    private final Set<Long> touched = new LinkedHashSet<>();
    private final Deque<Long> commentIds = new ArrayDeque<>();
    private final Deque<Long> userIds = new ArrayDeque<>();
    private long done;

    ImportBatches(ImportKind kind, ImportPlan plan, EntityManager em, MarkdownRenderer markdown, int maxDepth,
            Importer.Progress progress) {
        this.kind = kind;
        this.plan = plan;
        this.em = em;
        this.markdown = markdown;
        this.maxDepth = maxDepth;
        this.progress = progress;
        this.report = new ImportReport(kind, false);
        QuarkusTransaction.begin();
        this.articles = map("article");
        this.comments = map("comment");
        this.sections = map("section");
        this.authors = map("author");
        this.users = map("user");
    }

    private Map<String, Long> map(String entity) {
        Map<String, Long> map = new HashMap<>();
        for (Object[] r : rows("select source_id, local_id from import_source where kind = ?1 and entity = ?2",
                kind.key(), entity)) {
            map.put((String) r[0], ((Number) r[1]).longValue());
        }
        return map;
    }

    static Set<String> known(EntityManager em, ImportKind kind, String entity) {
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select source_id from import_source where kind = ?1 and entity = ?2")
                .setParameter(1, kind.key()).setParameter(2, entity).getResultList();
        return new HashSet<>(ids);
    }

    // ---- what the reader finds ----

    @Override
    public void post(Source.Post post) {
        advance();
        Long existing = articles.get(post.id());
        if (existing != null) {
            report.existing("articles");
            return;
        }
        long section = section(post.categorySlug(), post.categoryName());
        long author = author(post.creator());
        String slug = uniqueSlug(post.slug() == null || post.slug().isBlank() ? post.title() : decode(post.slug()), post.id());
        String headline = cut(post.title().isBlank() ? "Untitled" : post.title(), 200);
        String body = HtmlToMarkdown.convert(post.html(), true);
        String standfirst = HtmlToMarkdown.text(post.excerptHtml());
        if (standfirst.isEmpty()) {
            standfirst = HtmlToMarkdown.text(post.html());
            standfirst = standfirst.length() > 300 ? cutAtWord(standfirst, 300) + "…" : standfirst;
        }
        standfirst = cut(standfirst.isEmpty() ? headline : standfirst, 600);
        Number id = (Number) em.createNativeQuery("insert into article (slug, headline, standfirst, body, body_html,"
                + " section_id, author_id, status, published_at, updated_at) values (?1, ?2, ?3, ?4, ?5, ?6, ?7,"
                + " 'PUBLISHED', ?8, ?8) returning id")
                .setParameter(1, slug).setParameter(2, headline).setParameter(3, standfirst).setParameter(4, body)
                .setParameter(5, markdown.article(body)).setParameter(6, section).setParameter(7, author)
                .setParameter(8, post.publishedAt()).getSingleResult();
        source("article", post.id(), id.longValue());
        articles.put(post.id(), id.longValue());
        report.created("articles");
    }

    @Override
    public void thread(Source.Thread thread) {
        advance();
        Optional<Long> article = match(thread);
        if (article.isPresent()) {
            threads.put(thread.id(), article.get());
        } else {
            report.unmatched(thread);
        }
    }

    @Override
    public void comment(Source.Comment c, boolean importable) {
        if (!importable) {
            return;
        }
        advance();
        if (comments.containsKey(c.id())) {
            report.existing("comments");
            return;
        }
        Long article = kind == ImportKind.WORDPRESS ? articles.get(c.thread()) : threads.get(c.thread());
        if (article == null) {
            report.skipped(kind == ImportKind.WORDPRESS ? "comment on a post not imported"
                    : "post on a thread matching no article here");
            return;
        }
        String parent = plan.effectiveParent(c.id());
        if (parent != null && place(parent) == null) {
            waiting.computeIfAbsent(parent, p -> new ArrayList<>()).add(c);
            return;
        }
        write(c, article, parent);
    }

    @Override
    public void skipped(String what) {
        report.skipped(what);
    }

    @Override
    public void unreadable(String what, int line, String problem) {
        report.unreadable(what, line, problem);
    }

    /** Writes the last batch; replies whose parent never came (it could not be read) become top-level. */
    ImportReport finish() {
        try {
            while (!waiting.isEmpty()) {
                String parent = waiting.keySet().iterator().next();
                for (Source.Comment orphan : waiting.remove(parent)) {
                    Long article = kind == ImportKind.WORDPRESS ? articles.get(orphan.thread()) : threads.get(orphan.thread());
                    write(orphan, article, null);
                }
            }
            flush();
            QuarkusTransaction.commit();
        } catch (RuntimeException e) {
            QuarkusTransaction.rollback();
            throw e;
        }
        progress.advance(plan.records(), plan.records());
        return report;
    }

    // ---- comments ----

    /** Where an already written comment is: from this run, or from an earlier one. */
    private Placed place(String sourceId) {
        Placed p = placed.get(sourceId);
        if (p == null && comments.containsKey(sourceId)) {
            List<Object[]> r = rows("select root_id, depth from comment where id = ?1", comments.get(sourceId));
            if (!r.isEmpty()) {
                p = new Placed(comments.get(sourceId), ((Number) r.get(0)[0]).longValue(), ((Number) r.get(0)[1]).intValue());
                placed.put(sourceId, p);
            }
        }
        return p;
    }

    private void write(Source.Comment c, long article, String parentSource) {
        String body = HtmlToMarkdown.convert(c.html(), false);
        if (body.isBlank()) {
            report.skipped("empty comment");
            release(c.id(), article);
            return;
        }
        Placed parent = parentSource == null ? null : place(parentSource);
        long id = next(commentIds, "comment");
        long root = parent == null ? id : parent.root();
        int depth = parent == null ? 0 : Math.min(parent.depth() + 1, maxDepth);
        rows.add(new Row(id, article, parent == null ? null : parent.id(), root, user(c), body, markdown.comment(body),
                depth, c.createdAt(), c.id()));
        placed.put(c.id(), new Placed(id, root, depth));
        comments.put(c.id(), id);
        touched.add(article);
        report.created("comments");
        if (rows.size() >= BATCH) {
            flush();
            QuarkusTransaction.commit();
            QuarkusTransaction.begin();
        }
        List<Source.Comment> replies = waiting.remove(c.id());
        if (replies != null) {
            for (Source.Comment reply : replies) {
                write(reply, article, c.id());
            }
        }
    }

    /** The replies of a comment that turned out empty hang where it would have. */
    private void release(String id, long article) {
        List<Source.Comment> replies = waiting.remove(id);
        if (replies != null) {
            String above = plan.effectiveParent(id);
            for (Source.Comment reply : replies) {
                write(reply, article, above != null && place(above) != null ? above : null);
            }
        }
    }

    private void flush() {
        if (rows.isEmpty() && newUsers.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            if (!newUsers.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement("insert into app_user (id, username, email,"
                        + " display_name, roles, unclaimed, created_at) values (?, ?, ?, ?, 'commenter', true, ?)")) {
                    for (NewUser u : newUsers) {
                        s.setLong(1, u.id());
                        s.setString(2, u.username());
                        s.setString(3, u.email());
                        s.setString(4, u.displayName());
                        s.setTimestamp(5, Timestamp.from(u.createdAt()));
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            // multi-row inserts: one statement per ROWS rows (a statement per row cost the server most of the time)
            for (int from = 0; from < rows.size(); from += ROWS) {
                List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS));
                try (PreparedStatement s = connection.prepareStatement("insert into comment (id, article_id, parent_id,"
                        + " root_id, author_id, body, body_html, status, depth, vote_count, created_at) values "
                        + String.join(", ", java.util.Collections.nCopies(chunk.size(),
                                "(?, ?, ?, ?, ?, ?, ?, 'VISIBLE', ?, 0, ?)")))) {
                    int p = 1;
                    for (Row r : chunk) {
                        s.setLong(p++, r.id());
                        s.setLong(p++, r.articleId());
                        s.setObject(p++, r.parentId(), java.sql.Types.BIGINT);
                        s.setLong(p++, r.rootId());
                        s.setLong(p++, r.authorId());
                        s.setString(p++, r.body());
                        s.setString(p++, r.html());
                        s.setShort(p++, (short) r.depth());
                        s.setTimestamp(p++, Timestamp.from(r.createdAt()));
                    }
                    s.executeUpdate();
                }
            }
            List<Object[]> sources = new ArrayList<>();
            newUsers.forEach(u -> sources.add(new Object[] { "user", u.key(), u.id() }));
            rows.forEach(r -> sources.add(new Object[] { "comment", r.sourceId(), r.id() }));
            for (int from = 0; from < sources.size(); from += ROWS) {
                List<Object[]> chunk = sources.subList(from, Math.min(sources.size(), from + ROWS));
                try (PreparedStatement s = connection.prepareStatement("insert into import_source (kind, entity,"
                        + " source_id, local_id) values " + String.join(", ", java.util.Collections.nCopies(chunk.size(),
                                "(?, ?, ?, ?)")))) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        s.setString(p++, kind.key());
                        s.setString(p++, (String) row[0]);
                        s.setString(p++, (String) row[1]);
                        s.setLong(p++, (Long) row[2]);
                    }
                    s.executeUpdate();
                }
            }
            if (!touched.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement("update article a set thread_version ="
                        + " thread_version + 1, comment_count = (select count(*) from comment c where c.article_id = a.id"
                        + " and c.status = 'VISIBLE') where id = ?")) {
                    for (Long article : touched) {
                        s.setLong(1, article);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
        });
        rows.clear();
        newUsers.clear();
        touched.clear();
    }

    // ---- commenters ----

    /** The account of a comment's author: by email if the export has a valid one, otherwise by name. */
    private long user(Source.Comment c) {
        String email = c.email() == null ? "" : c.email().strip().toLowerCase(Locale.ROOT);
        boolean hasEmail = email.length() <= 254 && EMAIL.matcher(email).matches();
        String key = hasEmail ? "email:" + email
                : c.username() != null && !c.username().isBlank() ? "username:" + c.username().strip()
                : "name:" + displayName(c);
        if (key.length() > 300) {
            key = key.substring(0, 300);
        }
        Long id = users.get(key);
        if (id != null) {
            return id;
        }
        if (hasEmail) {
            List<Object[]> found = rows("select id, 0 from app_user where lower(email) = ?1", email);
            if (!found.isEmpty()) {
                id = ((Number) found.get(0)[0]).longValue();
                users.put(key, id);
                report.existing("commenters");
                return id;
            }
        }
        id = next(userIds, "app_user");
        String username = AccountRules.IMPORTED_PREFIX + sha256((hasEmail ? "" : kind.key() + ":") + key).substring(0, 16);
        newUsers.add(new NewUser(id, username, hasEmail ? email : null, displayName(c), c.createdAt(), key));
        users.put(key, id);
        report.created("commenters");
        return id;
    }

    private static String displayName(Source.Comment c) {
        String name = c.authorName() == null || c.authorName().isBlank() ? c.username() : c.authorName();
        name = name == null ? "" : name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
        return name.isEmpty() ? "Anonymous" : cut(name, 80);
    }

    // ---- sections, authors, articles ----

    private long section(String nicename, String name) {
        String key = nicename == null ? "news" : nicename;
        Long id = sections.get(key);
        if (id != null) {
            return id;
        }
        String slug = cut(slug(nicename == null ? "news" : decode(nicename), "section"), 80);
        List<Object[]> found = rows("select id, 0 from section where slug = ?1", slug);
        if (!found.isEmpty()) {
            id = ((Number) found.get(0)[0]).longValue();
            report.existing("sections");
        } else {
            id = ((Number) em.createNativeQuery("insert into section (slug, name, position) values (?1, ?2,"
                    + " (select coalesce(max(position), 0) + 1 from section)) returning id")
                    .setParameter(1, slug).setParameter(2, cut(name == null ? "News" : name, 120)).getSingleResult())
                    .longValue();
            report.created("sections");
        }
        source("section", key, id);
        sections.put(key, id);
        return id;
    }

    private long author(String login) {
        String key = login == null || login.isBlank() ? "(none)" : login;
        Long id = authors.get(key);
        if (id != null) {
            return id;
        }
        Source.Author author = plan.author(login);
        String name = author != null && author.displayName() != null && !author.displayName().isBlank()
                ? author.displayName() : login == null || login.isBlank() ? "Staff" : login;
        String slug = cut(slug(login == null || login.isBlank() ? "staff" : login, "author"), 80);
        List<Object[]> found = rows("select id, 0 from author where slug = ?1", slug);
        if (!found.isEmpty()) {
            id = ((Number) found.get(0)[0]).longValue();
            report.existing("authors");
        } else {
            id = ((Number) em.createNativeQuery("insert into author (slug, name) values (?1, ?2) returning id")
                    .setParameter(1, slug).setParameter(2, cut(name, 120)).getSingleResult()).longValue();
            report.created("authors");
        }
        source("author", key, id);
        authors.put(key, id);
        return id;
    }

    /** The post's slug, or with its WordPress id appended when an article here already has it. */
    private String uniqueSlug(String wanted, String postId) {
        String slug = cut(slug(wanted, "article"), 140);
        if (!rows("select id, 0 from article where slug = ?1 union all select article_id, 0 from slug_redirect"
                + " where old_slug = ?1", slug).isEmpty()) {
            slug = slug + "-" + cut(slug(postId, "post"), 18);
        }
        return slug;
    }

    /** The article a Disqus thread was about: by WordPress post id, then by the path of its link, then by slug. */
    private Optional<Long> match(Source.Thread thread) {
        String identifier = thread.identifier() == null ? "" : thread.identifier().strip();
        Matcher wordpress = WORDPRESS_IDENTIFIER.matcher(identifier);
        if (wordpress.matches()) {
            List<Object[]> r = rows("select local_id, 0 from import_source where kind = 'wordpress' and entity = 'article'"
                    + " and source_id = ?1", wordpress.group(1));
            if (!r.isEmpty()) {
                return Optional.of(((Number) r.get(0)[0]).longValue());
            }
        }
        List<String> candidates = new ArrayList<>();
        if (thread.link() != null) {
            try {
                String path = URI.create(thread.link().strip().replace(" ", "%20")).getRawPath();
                if (path != null) {
                    String[] parts = path.split("/");
                    for (int i = parts.length - 1; i >= 0; i--) {
                        if (!parts[i].isBlank()) {
                            candidates.add(decode(parts[i]));
                            break;
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                // not a URL: the identifier may still match
            }
        }
        if (!identifier.isEmpty() && !identifier.contains(" ")) {
            candidates.add(identifier);
        }
        for (String candidate : candidates) {
            String slug = candidate.toLowerCase(Locale.ROOT);
            List<Object[]> r = rows("select id, 0 from article where slug = ?1 union all select article_id, 0 from"
                    + " slug_redirect where old_slug = ?1", slug);
            if (!r.isEmpty()) {
                return Optional.of(((Number) r.get(0)[0]).longValue());
            }
        }
        return Optional.empty();
    }

    // ---- helpers ----

    private void source(String entity, String sourceId, long localId) {
        em.createNativeQuery("insert into import_source (kind, entity, source_id, local_id) values (?1, ?2, ?3, ?4)")
                .setParameter(1, kind.key()).setParameter(2, entity).setParameter(3, cut(sourceId, 300))
                .setParameter(4, localId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }

    /** The next id of a table's identity sequence, taken a few hundred at a time. */
    private long next(Deque<Long> pool, String table) {
        if (pool.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("select nextval(pg_get_serial_sequence('" + table + "', 'id'))"
                    + " from generate_series(1, 500)").getResultList();
            ids.forEach(n -> pool.add(n.longValue()));
        }
        return pool.poll();
    }

    private void advance() {
        done++;
        if (done % 500 == 0) {
            progress.advance(done, plan.records());
        }
    }

    static String slug(String text, String fallback) {
        String ascii = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? fallback : slug;
    }

    private static String decode(String slug) {
        try {
            return URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return slug;
        }
    }

    static String cut(String text, int max) {
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int end = Character.isHighSurrogate(t.charAt(max - 1)) ? max - 1 : max;
        return t.substring(0, end).replaceAll("-+$", "").strip();
    }

    private static String cutAtWord(String text, int max) {
        String cut = cut(text, max);
        int space = cut.lastIndexOf(' ');
        return space > max / 2 ? cut.substring(0, space) : cut;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
