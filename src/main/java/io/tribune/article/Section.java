package io.tribune.article;

import java.util.List;
import java.util.Optional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
public class Section extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String slug;
    public String name;
    public int position;

    public static Optional<Section> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static List<Section> listInOrder() {
        return list("order by position, name");
    }
}
