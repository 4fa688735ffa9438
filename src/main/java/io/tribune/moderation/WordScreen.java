package io.tribune.moderation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentScreen;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Moderation's screen for new comments: blocked words refuse, suspect words hold; so do "always hold" authors and
 * the first comments of a new account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WordScreen implements CommentScreen {

    static final String HELD_MESSAGE = "Thanks — your comment will appear once a moderator has reviewed it.";

    private final TribuneConfig.Moderation rules;

    @jakarta.inject.Inject
    WordScreen(TribuneConfig config) {
        this(config.moderation());
    }

    WordScreen(TribuneConfig.Moderation rules) {
        this.rules = rules;
    }

    @Override
    public Verdict screen(User author, String body) {
        @SuppressWarnings("unchecked") // native: Hibernate rebuilt the plan of listAll()'s HQL on every post
        List<ModerationWord> words = ModerationWord.getEntityManager()
                .createNativeQuery("select * from moderation_word", ModerationWord.class).getResultList();
        Optional<ModerationWord> blocked = firstMatch(words, ModerationWord.Kind.BLOCKED, body);
        if (blocked.isPresent()) {
            return Verdict.refuse("Your comment contains \"" + blocked.get().word
                    + "\", which is not allowed in Tribune's comments. Please rephrase it.");
        }
        if (firstMatch(words, ModerationWord.Kind.SUSPECT, body).isPresent()) {
            return Verdict.hold(HELD_MESSAGE);
        }
        if (author.alwaysHold) {
            return Verdict.hold(HELD_MESSAGE);
        }
        if (author.id != null && rules.heldFirstComments() > 0 && isNew(author)) {
            return Verdict.hold("Thanks — as a new member, your first comments are reviewed by a moderator before they appear.");
        }
        return Verdict.PUBLISH;
    }

    /** Fewer comments than the held number; counts at most that many rows however much the author wrote. */
    private boolean isNew(User author) {
        Number count = (Number) Comment.getEntityManager()
                .createNativeQuery("select count(*) from (select 1 from comment where author_id = ?1 limit ?2) c")
                .setParameter(1, author.id).setParameter(2, rules.heldFirstComments()).getSingleResult();
        return count.intValue() < rules.heldFirstComments();
    }

        private static Optional<ModerationWord> firstMatch(List<ModerationWord> words, ModerationWord.Kind kind, String body) {
        String text = body == null ? "" : body;
        return words.stream().filter(w -> w.kind == kind && matches(w.word, text)).findFirst();
    }

    /** Whole words only, ignoring case: "ass" does not match "class". */
    static boolean matches(String word, String text) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text).find();
    }
}
