package io.tribune.vote;

import java.io.Serializable;
import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One up-vote: a user on a comment. The primary key makes a second vote impossible. */
@Entity
@Table(name = "comment_vote")
public class Vote extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @Column(name = "created_at")
    public Instant createdAt = Instant.now();

    @Embeddable
    public record Key(@Column(name = "comment_id") Long commentId, @Column(name = "user_id") Long userId)
            implements Serializable {
    }
}
