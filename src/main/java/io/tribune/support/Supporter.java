package io.tribune.support;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A reader who supports the site until a date. */
@Entity
@Table(name = "supporter")
public class Supporter extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public Long userId;
    public Instant until;
    public String source;
    @Column(name = "show_badge")
    public boolean showBadge;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return until != null && Instant.now().isBefore(until);
    }
}
