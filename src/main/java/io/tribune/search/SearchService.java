package io.tribune.search;

import java.util.List;

import io.tribune.config.TribuneConfig;
import io.tribune.web.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Full-text search over published articles with PostgreSQL: the generated, weighted {@code article.search}
 * column (headline A, standfirst B, body C), {@code websearch_to_tsquery} (never a syntax error, whatever the
 * reader types), ranked by {@code ts_rank_cd}, with {@code ts_headline} snippets.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    static final int MAX_QUERY = 200;
    /** Private-use characters as highlight markers: the snippet is escaped first, then they become mark tags. */
    static final String START = "\uE000";
    static final String STOP = "\uE001";

    private static final String SQL = """
            select a.slug, a.headline, a.standfirst, s.slug as section_slug, s.name as section_name, a.published_at,
                   ts_headline('english', a.standfirst || ' ' || a.body, q.query, ?2) as snippet
            from article a join section s on s.id = a.section_id,
                 websearch_to_tsquery('english', ?1) as q(query)
            where a.search @@ q.query and a.status = 'PUBLISHED' and a.published_at <= now()
            order by ts_rank_cd(a.search, q.query) desc, a.published_at desc, a.id desc
            limit ?3 offset ?4
            """;

    private final EntityManager em;
    private final TribuneConfig config;

    SearchService(EntityManager em, TribuneConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Readers may type anything: control characters go, length is capped, blank means "no question". */
    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String q = raw.replaceAll("[\\p{Cntrl}\\uE000\\uE001]", " ").strip().replaceAll("\\s+", " ");
        return q.length() > MAX_QUERY ? q.substring(0, MAX_QUERY).strip() : q;
    }

    public SearchResults search(String raw, int page) {
        String q = normalize(raw);
        if (q.isEmpty()) {
            return new SearchResults("", List.of(), 1, false);
        }
        int size = config.editorial().searchResultsPerPage();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL)
                .setParameter(1, q)
                .setParameter(2, "StartSel=" + START + ", StopSel=" + STOP
                        + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"")
                .setParameter(3, size + 1)
                .setParameter(4, (page - 1) * size)
                .getResultList();
        List<SearchHit> hits = rows.stream().limit(size).map(r -> new SearchHit((String) r[0], (String) r[1],
                (String) r[2], (String) r[3], (String) r[4], SqlValues.instant(r[5]), Snippets.toHtml((String) r[6]))).toList();
        return new SearchResults(q, hits, page, rows.size() > size);
    }
}
