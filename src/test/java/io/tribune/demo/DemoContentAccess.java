package io.tribune.demo;

/** Lets tests of other packages name the demo's flagship story without copying its slug. */
public final class DemoContentAccess {

    private DemoContentAccess() {
    }

    public static String flagshipSlug() {
        return DemoContent.LINKEDIN_SLUG;
    }
}
