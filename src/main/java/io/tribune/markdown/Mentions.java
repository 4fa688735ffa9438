package io.tribune.markdown;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.PostProcessor;

/**
 * {@code @name} in a comment's text (not in code or inside a link) becomes a link to {@code /users/name}. A name is
 * what sign-up allows (3–30 letters, digits, {@code _}, {@code -}); an email address is not a mention.
 */
final class Mentions implements PostProcessor {

    static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_.@-])@([A-Za-z0-9_-]{3,30})(?![A-Za-z0-9_@-])");

    @Override
    public Node process(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                // already a link: leave its text alone
            }

            @Override
            public void visit(Text text) {
                link(text);
            }
        });
        return document;
    }

    /** The usernames mentioned in a document parsed without this post-processor, in order, each once (as typed). */
    static Set<String> in(Node document) {
        Set<String> names = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
            }

            @Override
            public void visit(Text text) {
                Matcher m = MENTION.matcher(text.getLiteral());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        });
        return names;
    }

    private static void link(Text text) {
        String literal = text.getLiteral();
        Matcher m = MENTION.matcher(literal);
        if (!m.find()) {
            return;
        }
        int from = 0;
        Node last = text;
        do {
            if (m.start() > from) {
                last = insertAfter(last, new Text(literal.substring(from, m.start())));
            }
            Link link = new Link("/users/" + m.group(1), null);
            link.appendChild(new Text("@" + m.group(1)));
            last = insertAfter(last, link);
            from = m.end();
        } while (m.find());
        if (from < literal.length()) {
            insertAfter(last, new Text(literal.substring(from)));
        }
        text.unlink();
    }

    private static Node insertAfter(Node anchor, Node node) {
        anchor.insertAfter(node);
        return node;
    }
}
