package io.tribune.editorial;

import java.util.List;
import java.util.Locale;

import io.quarkus.panache.common.Parameters;
import io.tribune.article.Article;
import io.tribune.article.ArticleStatus;
import io.tribune.article.Author;
import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Reads for the desk: every article whatever its status, filtered. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class DeskQueries {

    private final TribuneConfig config;

    DeskQueries(TribuneConfig config) {
        this.config = config;
    }

    public DeskList list(String status, String section, String q, int page) {
        StringBuilder jpql = new StringBuilder("select a from Article a join fetch a.section s join fetch a.author where 1 = 1");
        Parameters params = new Parameters();
        ArticleStatus st = parseStatus(status);
        if (st != null) {
            jpql.append(" and a.status = :status");
            params.and("status", st);
        }
        if (section != null && !section.isBlank()) {
            jpql.append(" and s.slug = :section");
            params.and("section", section.strip());
        }
        String term = q == null ? "" : q.strip();
        if (!term.isEmpty()) {
            jpql.append(" and lower(a.headline) like :q escape '\\'");
            params.and("q", "%" + term.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        jpql.append(" order by a.updatedAt desc, a.id desc");
        int size = config.editorial().deskPageSize();
        List<Article> found = Article.<Article>find(jpql.toString(), params)
                .range((page - 1) * size, page * size).list();
        List<DeskRow> rows = found.stream().limit(size).map(DeskRow::of).toList();
        return new DeskList(rows, page, found.size() > size, st == null ? "" : st.name().toLowerCase(),
                section == null ? "" : section.strip(), term);
    }

    public List<Author> authors() {
        return Author.list("order by name");
    }

    static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
