package io.tribune.moderation;

import java.time.Clock;
import java.util.List;

import io.tribune.account.User;
import io.tribune.moderation.ModerationAction.Type;
import io.tribune.web.DatabaseChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Editing the blocked and suspect word lists. */
@ApplicationScoped
@Transactional
public class WordService {

    private final AuditLog audit;
    private final Clock clock;
    private final WordScreen screen;
    private final DatabaseChanges changes;

    WordService(AuditLog audit, Clock clock, WordScreen screen, DatabaseChanges changes) {
        this.audit = audit;
        this.clock = clock;
        this.screen = screen;
        this.changes = changes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ModerationWord> list() {
        return ModerationWord.list("order by kind, lower(word)");
    }

    public ModerationWord add(User actor, String word, ModerationWord.Kind kind) {
        Guard.requireModerator(actor);
        String w = word == null ? "" : word.strip();
        if (w.isEmpty() || w.length() > 100) {
            throw ModerationRefused.invalid("A word or phrase is 1 to 100 characters.");
        }
        if (kind == null) {
            throw ModerationRefused.invalid("Choose blocked or suspect.");
        }
        if (ModerationWord.count("lower(word) = lower(?1) and kind = ?2", w, kind) > 0) {
            throw ModerationRefused.conflict("\"" + w + "\" is already on the " + kind.name().toLowerCase() + " list.");
        }
        ModerationWord m = new ModerationWord();
        m.word = w;
        m.kind = kind;
        m.createdAt = clock.instant();
        m.persist();
        changes.afterTransaction(screen::forgetAll);
        audit.record(actor, Type.WORD_ADD, null, null, kind.name(), w, null, null);
        return m;
    }

    public void remove(User actor, long id) {
        Guard.requireModerator(actor);
        ModerationWord m = ModerationWord.<ModerationWord>findByIdOptional(id)
                .orElseThrow(() -> ModerationRefused.notFound("That word is not on the lists."));
        audit.record(actor, Type.WORD_REMOVE, null, null, m.kind.name(), m.word, null, null);
        m.delete();
        changes.afterTransaction(screen::forgetAll);
    }
}
