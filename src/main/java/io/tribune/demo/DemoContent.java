package io.tribune.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.tribune.account.User;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.ArticleUpdate;
import io.tribune.article.Author;
import io.tribune.article.Section;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentStatus;
import io.tribune.config.TribuneConfig;
import io.tribune.markdown.MarkdownRenderer;
import io.tribune.vote.Vote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.transaction.Transactional;

/**
 * Fills an empty database with the demo site: sections, authors, 20 articles, 40 commenters and threads
 * (the LinkedIn story's hand-written debate, generated threads of 0 to 200 comments elsewhere).
 * Idempotent: it does nothing once any article exists; an advisory lock keeps concurrent instances from racing.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    static final String LINKEDIN_SLUG = "linkedin-trains-ai-on-members-data-by-default";
    private static final String[][] SECTIONS = { { "news", "News" }, { "privacy", "Privacy" },
            { "security", "Security" }, { "ai", "AI" }, { "hardware", "Hardware" }, { "software", "Software" } };

    private final TribuneConfig config;
    private final MarkdownRenderer markdown;
    private final EntityManager em;

    DemoContent(TribuneConfig config, MarkdownRenderer markdown, EntityManager em) {
        this.config = config;
        this.markdown = markdown;
        this.em = em;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demoContent()) {
            load();
        }
    }

    // thousands of rows in one transaction: on a busy 2-core machine this outlasted the default 60 s timeout
    @Transactional
    @TransactionConfiguration(timeout = 600)
    public void load() {
        em.createNativeQuery("select pg_advisory_xact_lock(7201)").getSingleResult();
        if (Article.count() > 0) {
            return;
        }
        Map<String, Section> sections = new HashMap<>();
        for (int i = 0; i < SECTIONS.length; i++) {
            Section s = new Section();
            s.slug = SECTIONS[i][0];
            s.name = SECTIONS[i][1];
            s.position = i;
            s.persist();
            sections.put(s.slug, s);
        }
        Map<String, Author> authors = new HashMap<>();
        for (String[] row : tsv("demo/authors.tsv")) {
            Author a = new Author();
            a.slug = row[0];
            a.name = row[1];
            a.bio = row[2];
            a.persist();
            authors.put(a.slug, a);
        }
        Map<String, User> commenters = new HashMap<>();
        for (String[] row : tsv("demo/commenters.tsv")) {
            User u = new User();
            u.username = row[0];
            u.displayName = row[1];
            u.bio = row.length > 2 ? row[2] : null;
            u.email = row[0] + "@demo.invalid";
            u.emailVerifiedAt = Instant.parse("2024-01-01T00:00:00Z");
            u.createdAt = u.emailVerifiedAt;
            u.persist(); // no password: demo commenters cannot log in
            commenters.put(u.username, u);
        }
        List<User> people = new ArrayList<>(commenters.values());
        people.sort((a, b) -> a.username.compareTo(b.username));
        List<String> snippets = lines("demo/comment-snippets.txt");
        Random random = new Random(20240919);
        int index = 0;
        int comments = 0;
        List<String> files = lines("demo/articles/index.txt");
        for (String file : files) {
            Article article = article(DemoArticle.parse(read("demo/articles/" + file)), sections, authors);
            // the demo's dates are fixed, so the age rule would close every thread: the flagship story and the
            // newest few are opened explicitly, as an editor would, and stay open in every profile
            article.commentsKeepOpen = LINKEDIN_SLUG.equals(article.slug) || files.indexOf(file) >= files.size() - 3;
            if (LINKEDIN_SLUG.equals(article.slug)) {
                comments += linkedInThread(article, commenters, people, random);
            } else {
                comments += generatedThread(article, people, snippets, random, demoCommentCount(index++));
            }
        }
        LOG.infof("Demo content loaded: %d articles, %d commenters, %d comments", Article.count(), people.size(),
                comments);
    }

    /** 0 to 200 comments, the same every time; the first generated article gets the long thread. */
    static int demoCommentCount(int index) {
        int[] counts = { 200, 0, 12, 45, 3, 80, 27, 0, 140, 9, 60, 18, 5, 33, 110, 1, 24, 70, 15, 40 };
        return counts[index % counts.length];
    }

    private Article article(DemoArticle d, Map<String, Section> sections, Map<String, Author> authors) {
        Article a = new Article();
        a.slug = d.get("slug");
        a.headline = d.get("headline");
        a.standfirst = d.get("standfirst");
        a.body = d.body();
        a.bodyHtml = markdown.article(a.body);
        a.heroUrl = d.get("hero");
        a.heroAlt = d.get("hero_alt");
        a.heroCaption = d.get("caption");
        a.heroCredit = d.get("credit");
        a.section = sections.get(d.get("section"));
        a.author = authors.get(d.get("author"));
        if (a.section == null || a.author == null) {
            throw new IllegalStateException("Demo article " + a.slug + " names an unknown section or author");
        }
        a.status = ArticleStatus.PUBLISHED;
        a.publishedAt = Instant.parse(d.get("published"));
        a.updatedAt = a.publishedAt;
        a.persist();
        for (DemoArticle.Note note : d.updates()) {
            ArticleUpdate u = new ArticleUpdate();
            u.article = a;
            u.postedAt = note.at();
            u.body = note.text();
            u.persist();
            a.updates.add(u);
            if (note.at().isAfter(a.updatedAt)) {
                a.updatedAt = note.at();
            }
        }
        return a;
    }

    private int linkedInThread(Article article, Map<String, User> commenters, List<User> people, Random random) {
        Map<String, Comment> byId = new HashMap<>();
        List<String[]> rows = tsv("demo/linkedin-comments.tsv");
        for (String[] row : rows) {
            User author = commenters.get(row[2]);
            if (author == null) {
                throw new IllegalStateException("Unknown demo commenter " + row[2]);
            }
            Comment parent = "-".equals(row[1]) ? null : byId.get(row[1]);
            Instant at = article.publishedAt.plus(Duration.ofMinutes(Long.parseLong(row[3])));
            Comment c = comment(article, parent, author, row[5].replace("\\n", "\n\n"), at);
            vote(c, Integer.parseInt(row[4]), people, random);
            byId.put(row[0], c);
        }
        article.commentCount = rows.size();
        return rows.size();
    }

    private int generatedThread(Article article, List<User> people, List<String> snippets, Random random, int count) {
        List<Comment> made = new ArrayList<>();
        Instant at = article.publishedAt;
        for (int i = 0; i < count; i++) {
            at = at.plus(Duration.ofMinutes(1 + random.nextInt(90)));
            Comment parent = made.isEmpty() || random.nextInt(10) < 4 ? null : made.get(random.nextInt(made.size()));
            User author = people.get(random.nextInt(people.size()));
            String body = snippets.get(random.nextInt(snippets.size()));
            Comment c = comment(article, parent, author, body, at);
            vote(c, random.nextInt(10) < 6 ? random.nextInt(4) : random.nextInt(9), people, random);
            made.add(c);
        }
        article.commentCount = count;
        return count;
    }

    private Comment comment(Article article, Comment parent, User author, String body, Instant at) {
        Comment c = new Comment();
        c.article = article;
        c.author = author;
        c.body = body;
        c.bodyHtml = markdown.comment(body);
        c.status = CommentStatus.VISIBLE;
        c.createdAt = at;
        if (parent != null) {
            c.parentId = parent.id;
            c.rootId = parent.rootId;
            c.depth = (short) Math.min(parent.depth + 1, config.comments().maxDepth());
        }
        c.persist();
        if (parent == null) {
            c.rootId = c.id;
        }
        return c;
    }

    /** Up-votes are real rows from distinct users (never the author), so the stored counter matches them. */
    private void vote(Comment c, int votes, List<User> people, Random random) {
        int start = random.nextInt(people.size());
        int cast = 0;
        for (int i = 0; i < people.size() && cast < votes; i++) {
            User voter = people.get((start + i) % people.size());
            if (voter == c.author) {
                continue;
            }
            Vote v = new Vote();
            v.key = new Vote.Key(c.id, voter.id);
            v.createdAt = c.createdAt.plusSeconds(60L * (i + 1));
            v.persist();
            cast++;
        }
        c.voteCount = cast;
    }

    private static List<String[]> tsv(String resource) {
        List<String> lines = lines(resource);
        return lines.subList(1, lines.size()).stream().map(line -> line.split("\t", -1)).toList();
    }

    private static List<String> lines(String resource) {
        return read(resource).lines().filter(line -> !line.isBlank()).toList();
    }

    static String read(String resource) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing demo resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().reduce(new StringBuilder(), (sb, l) -> sb.append(l).append('\n'), StringBuilder::append)
                    .toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
