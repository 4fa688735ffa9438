package io.tribune.comment;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The text a comment had before an edit; moderators can read the history. */
@Entity
@Table(name = "comment_revision")
public class CommentRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "comment_id")
    public Long commentId;
    public String body;
    @Column(name = "written_at")
    public Instant writtenAt;
    @Column(name = "replaced_at")
    public Instant replacedAt = Instant.now();
}
