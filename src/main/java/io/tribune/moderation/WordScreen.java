package io.tribune.moderation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.tribune.account.User;
import io.tribune.comment.Comment;
import io.tribune.comment.CommentScreen;
import io.tribune.config.TribuneConfig;
import io.tribune.web.DatabaseChanges;
import io.tribune.web.KeptUntilChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Moderation's screen for new comments: blocked words refuse, suspect words hold; so do "always hold" authors and
 * the first comments of a new account.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WordScreen implements CommentScreen, DatabaseChanges.Listener {

    /** Sent by a trigger on moderation_word (V8__cheaper_comment_updates.sql). */
    static final String WORDS_NOTICE = "words";
    static final String HELD_MESSAGE = "Thanks — your comment will appear once a moderator has reviewed it.";

    /** A listed word with its whole-word pattern, compiled once. */
    private record Listed(String word, ModerationWord.Kind kind, Pattern pattern) {
    }

    private final TribuneConfig.Moderation rules;
    private static final String THE_LIST = "the list";
    /** The word list as last read (one entry), kept until PostgreSQL announces a change to it. */
    private final KeptUntilChanged<String, List<Listed>> words;

    @jakarta.inject.Inject
    WordScreen(TribuneConfig config, DatabaseChanges changes) {
        this(config.moderation(), changes);
    }

    WordScreen(TribuneConfig.Moderation rules, DatabaseChanges changes) {
        this.rules = rules;
        this.words = new KeptUntilChanged<>(changes, Caffeine.newBuilder().maximumSize(1).<String, List<Listed>>build());
        changes.subscribe(this);
    }

    @Override
    public Verdict screen(User author, String body) {
        List<Listed> listed = words.get(THE_LIST, key -> read());
        String text = body == null ? "" : body;
        Optional<Listed> blocked = firstMatch(listed, ModerationWord.Kind.BLOCKED, text);
        if (blocked.isPresent()) {
            return Verdict.refuse("Your comment contains \"" + blocked.get().word()
                    + "\", which is not allowed in Tribune's comments. Please rephrase it.");
        }
        if (isStaff(author)) {
            return Verdict.PUBLISH; // moderators, editors and admins are never held: a lone moderator could not approve themselves
        }
        if (firstMatch(listed, ModerationWord.Kind.SUSPECT, text).isPresent()) {
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

    @Override
    public void changed(String notice) {
        if (notice.equals(WORDS_NOTICE)) {
            forgetAll();
        }
    }

    @Override
    public void forgetAll() {
        words.forgetAll();
    }

    private static List<Listed> read() {
        @SuppressWarnings("unchecked") // native: Hibernate rebuilt the plan of listAll()'s HQL on every post
        List<ModerationWord> rows = ModerationWord.getEntityManager()
                .createNativeQuery("select * from moderation_word", ModerationWord.class).getResultList();
        return rows.stream().map(w -> new Listed(w.word, w.kind, pattern(w.word))).toList();
    }

    private static boolean isStaff(User author) {
        return author.hasRole("moderator") || author.hasRole("editor") || author.hasRole("admin");
    }

    /** Fewer comments than the held number; counts at most that many rows however much the author wrote. */
    private boolean isNew(User author) {
        Number count = (Number) Comment.getEntityManager()
                .createNativeQuery("select count(*) from (select 1 from comment where author_id = ?1 limit ?2) c")
                .setParameter(1, author.id).setParameter(2, rules.heldFirstComments()).getSingleResult();
        return count.intValue() < rules.heldFirstComments();
    }

    private static Optional<Listed> firstMatch(List<Listed> words, ModerationWord.Kind kind, String text) {
        return words.stream().filter(w -> w.kind() == kind && w.pattern().matcher(text).find()).findFirst();
    }

    /** Whole words only, ignoring case: "ass" does not match "class". */
    static boolean matches(String word, String text) {
        return pattern(word).matcher(text).find();
    }

    private static Pattern pattern(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(word.strip()) + "(?![\\p{L}\\p{N}_])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
