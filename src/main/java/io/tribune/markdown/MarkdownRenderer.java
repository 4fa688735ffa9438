package io.tribune.markdown;

import java.util.List;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Markdown to safe HTML. commonmark escapes raw HTML and unsafe URLs; the OWASP sanitizer then keeps only the
 * elements a policy allows, so the output may be printed unescaped ({@code .raw}) in templates.
 */
@ApplicationScoped
public class MarkdownRenderer {

    private static final PolicyFactory LINKS = new HtmlPolicyBuilder()
            .allowElements("a")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .requireRelsOnLinks("nofollow", "noopener", "ugc")
            .toFactory();

    private static final PolicyFactory CODE = new HtmlPolicyBuilder()
            .allowElements("pre", "code", "hr")
            .toFactory();

    /** Comments: paragraphs, emphasis, links, quotes, lists, code. */
    private static final PolicyFactory COMMENT_POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
            .and(LINKS).and(CODE);

    /** Articles: written by editors, so headings, images and tables are allowed too. */
    private static final PolicyFactory ARTICLE_POLICY = COMMENT_POLICY
            .and(Sanitizers.IMAGES)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder().allowElements("h2", "h3", "h4", "figure", "figcaption").toFactory());

    private final Parser parser = Parser.builder().build();
    private final Parser commentParser = Parser.builder().postProcessor(new Mentions()).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** Articles also get GitHub-flavoured tables, ~~strikethrough~~ and bare URLs as links. */
    private static final List<Extension> ARTICLE_EXTENSIONS = List.of(TablesExtension.create(),
            StrikethroughExtension.create(), AutolinkExtension.create());
    private final Parser articleParser = Parser.builder().extensions(ARTICLE_EXTENSIONS).build();
    private final HtmlRenderer articleRenderer = HtmlRenderer.builder().extensions(ARTICLE_EXTENSIONS)
            .escapeHtml(true).sanitizeUrls(true).build();

    /** A comment's HTML; {@code @name} links to the user's profile. */
    public String comment(String markdown) {
        return COMMENT_POLICY.sanitize(renderer.render(parseComment(markdown)));
    }

    /** The usernames a comment mentions ({@code @name}, outside code and links), each once, as typed. */
    public Set<String> mentions(String markdown) {
        return Mentions.in(parser.parse(markdown == null ? "" : markdown));
    }

    private Node parseComment(String markdown) {
        return commentParser.parse(markdown == null ? "" : markdown);
    }

    public String article(String markdown) {
        return ARTICLE_POLICY.sanitize(articleRenderer.render(articleParser.parse(markdown == null ? "" : markdown)));
    }

    private String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
