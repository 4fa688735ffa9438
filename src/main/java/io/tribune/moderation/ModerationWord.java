package io.tribune.moderation;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "moderation_word")
public class ModerationWord extends PanacheEntityBase {

    public enum Kind {
        /** The comment is refused. */
        BLOCKED,
        /** The comment is held for review. */
        SUSPECT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String word;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "created_at")
    public Instant createdAt;
}
