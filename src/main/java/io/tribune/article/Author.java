package io.tribune.article;

import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Author extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String name;
    public String bio;
    /** The editor who writes as this author, if any. */
    @Column(name = "user_id")
    public Long userId;

    public static Optional<Author> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Author> findByUser(long userId) {
        return find("userId", userId).firstResultOptional();
    }
}
