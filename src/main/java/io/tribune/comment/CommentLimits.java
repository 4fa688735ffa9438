package io.tribune.comment;

import io.tribune.config.TribuneConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** The comment rules forms show, e.g. the text box's {@code maxlength="{inject:commentLimits.maxLength}"}. */
@Named("commentLimits")
@ApplicationScoped
public class CommentLimits {

    private final TribuneConfig config;

    CommentLimits(TribuneConfig config) {
        this.config = config;
    }

    /** {@code tribune.comments.max-length}, the longest comment the service accepts. */
    public int maxLength() {
        return config.comments().maxLength();
    }
}
