package io.tribune.editorial;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the desk's article form sends. A blank slug is generated from the headline. */
public record ArticleForm(
        @NotBlank(message = "Write a headline.") @Size(max = 200, message = "The headline can be at most 200 characters.") String headline,
        @Size(max = 160, message = "The slug can be at most 160 characters.") @Pattern(regexp = "[a-z0-9-]*", message = "The slug may contain only lower-case letters, digits and hyphens.") String slug,
        @NotNull(message = "Choose a section.") Long sectionId,
        Long authorId,
        @NotBlank(message = "Write a standfirst.") @Size(max = 600, message = "The standfirst can be at most 600 characters.") String standfirst,
        @NotBlank(message = "Write the body.") @Size(max = 100_000, message = "The body can be at most 100,000 characters.") String body,
        @Size(max = 300, message = "The alternative text can be at most 300 characters.") String heroAlt,
        @Size(max = 500, message = "The caption can be at most 500 characters.") String heroCaption,
        @Size(max = 200, message = "The credit can be at most 200 characters.") String heroCredit,
        boolean commentsOpen,
        boolean commentsKeepOpen) {

    /** Comments open, closing by the age rule. */
    public ArticleForm(String headline, String slug, Long sectionId, Long authorId, String standfirst, String body,
            String heroAlt, String heroCaption, String heroCredit, boolean commentsOpen) {
        this(headline, slug, sectionId, authorId, standfirst, body, heroAlt, heroCaption, heroCredit, commentsOpen,
                false);
    }

    public static ArticleForm blank(Long authorId) {
        return new ArticleForm("", "", null, authorId, "", "", "", "", "", true, false);
    }

    public static ArticleForm of(io.tribune.article.Article a) {
        return new ArticleForm(a.headline, a.slug, a.section.id, a.author.id, a.standfirst, a.body, a.heroAlt,
                a.heroCaption, a.heroCredit, a.commentsOpen, a.commentsKeepOpen);
    }

    /** The desk's choice: "auto", "open" or "closed". */
    public String commentsMode() {
        return io.tribune.article.CommentWindow.mode(commentsOpen, commentsKeepOpen);
    }
}
