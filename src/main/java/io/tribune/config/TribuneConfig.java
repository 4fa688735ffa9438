package io.tribune.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every {@code tribune.*} setting. The README lists them with their defaults; keep both in step. */
@ConfigMapping(prefix = "tribune")
public interface TribuneConfig {

    /** Load the demo articles, users and comments into an empty database at start. */
    @WithDefault("false")
    boolean demoContent();

    /** The time zone of every time the site shows (an IANA name); {@code <time datetime>} and feeds stay UTC. */
    @WithDefault("UTC")
    java.time.ZoneId timeZone();

    /** Public base URL used for absolute links (feeds, canonical URLs, emails). */
    @WithDefault("http://localhost:8080")
    String baseUrl();

    /** Articles per page on the home and section pages. */
    @WithDefault("20")
    int articlesPerPage();

    Comments comments();

    Moderation moderation();

    EmbeddedDatabase embeddedDatabase();

    Accounts accounts();

    RateLimit rateLimit();

    Admin admin();

    Editorial editorial();

    PageCache pageCache();

    interface PageCache {
        /** Memory for whole article pages kept ready for readers without an account; 0 turns the cache off. */
        @WithDefault("64")
        int maxMegabytes();

        /** A cached page not read for this long is dropped. */
        @WithDefault("10M")
        java.time.Duration expireAfterAccess();
    }

    HttpCache httpCache();

    /** How shared caches (a CDN, Varnish, nginx) may keep the pages readers without an account get. */
    interface HttpCache {
        /** {@code s-maxage}: how long a shared cache may serve a page without asking again; 0 sends none. */
        @WithDefault("60S")
        java.time.Duration sMaxAge();

        /** {@code stale-while-revalidate}: how long past that it may serve the page while it asks again. */
        @WithDefault("10M")
        java.time.Duration staleWhileRevalidate();
    }

    Database database();

    Http http();

    interface Http {
        /**
         * Largest request body, except the import upload ({@code /admin/import}), which may send up to
         * {@code quarkus.http.limits.max-body-size}.
         */
        @WithDefault("10M")
        io.quarkus.runtime.configuration.MemorySize maxBodySize();
    }

    interface Comments {
        /** Top-level threads shown per page of an article's comments. */
        @WithDefault("50")
        int threadsPerPage();

        /** Deepest display level; replies below it are shown at this level, "in reply to @name". */
        @WithDefault("6")
        int maxDepth();

        @WithDefault("5000")
        int maxLength();

        /** Seconds a user waits between two comments. */
        @WithDefault("15")
        int floodSeconds();

        /** Minutes during which the same user cannot post the same text again. */
        @WithDefault("60")
        int duplicateWindowMinutes();

        /** Minutes during which the author may edit a comment. */
        @WithDefault("15")
        int editMinutes();

        /** Days after publication when an article's comments close by themselves; 0 keeps them open. */
        @WithDefault("30")
        int closeAfterDays();

        /** Replies shown under each top-level comment on the article page; the rest are one link away. */
        @WithDefault("5")
        int repliesShown();

        /** Featured comments shown above the threads (all of them are listed by {@code ?sort=featured}). */
        @WithDefault("10")
        int featuredShown();

        /** Days a logged-in reader's last visit to an article is kept (for "new since your last visit"). */
        @WithDefault("90")
        int visitRetentionDays();

        /** How often the visits kept in memory are written to the database (one statement for all). */
        @WithDefault("5S")
        java.time.Duration visitFlushEvery();
    }

    interface Moderation {
        /** Active strikes that suspend an account. */
        @WithDefault("2")
        int strikesToSuspend();

        /** Active strikes that de-register an account. */
        @WithDefault("3")
        int strikesToDeregister();

        @WithDefault("180")
        int strikeExpiryDays();

        @WithDefault("7")
        int suspensionDays();

        /** Distinct reporters that hide a comment until a moderator decides. */
        @WithDefault("3")
        int reportsToHide();

        /** Reports one user may make in 24 hours. */
        @WithDefault("20")
        int reportsPerDay();

        /** A new account's first comments (this many) are held for review. */
        @WithDefault("1")
        int heldFirstComments();

        /** On de-registration, also remove the account's comments that are still visible. */
        @WithDefault("false")
        boolean removeCommentsOnDeregistration();

        /** Rows per page in the admin queues, user list and audit log. */
        @WithDefault("25")
        int adminPageSize();

        /** Days after a sanction during which its user may appeal against it. */
        @WithDefault("30")
        int appealDays();

        /** How often ended suspensions are lifted ("off" disables the job, as in tests that move the clock). */
        @WithDefault("60s")
        String suspensionCheckEvery();
    }

    /** What the site does while its database cannot be reached (see io.tribune.web.DatabaseGate). */
    interface Database {
        /** While the database is unreachable, how often a new connection is tried to notice its return. */
        @WithDefault("1s")
        String probeEvery();

        /** The Retry-After sent with the 503 pages answered while the database is unreachable. */
        @WithDefault("5S")
        java.time.Duration retryAfter();
    }

    interface EmbeddedDatabase {
        /** Start an embedded PostgreSQL when no JDBC URL is configured (dev and test profiles only). */
        @WithDefault("false")
        boolean enabled();

        /** Where the embedded database keeps its files; empty means a throwaway temporary directory. */
        java.util.Optional<String> dataDir();
    }

    interface Editorial {
        /** How often the scheduler looks for scheduled articles whose time has come. */
        @WithDefault("30s")
        String publishEvery();

        /** Largest hero picture upload, in bytes. */
        @WithDefault("5242880")
        long maxImageBytes();

        /** Articles per page on the desk's list. */
        @WithDefault("25")
        int deskPageSize();

        /** Results per page of /search. */
        @WithDefault("10")
        int searchResultsPerPage();
    }

    interface Accounts {
        /** Name of the encrypted session cookie (set only after logging in). */
        @WithDefault("tribune-session")
        String sessionCookie();

        /** A session ends after this long without a request. */
        @WithDefault("7D")
        java.time.Duration sessionTimeout();

        /** An active session's cookie is re-issued (sliding expiry) at most this often. */
        @WithDefault("1H")
        java.time.Duration sessionRenewal();

        /** Send the session cookie with the Secure flag (true in production, which runs behind HTTPS). */
        @WithDefault("false")
        boolean secureCookie();

        /** How long an email verification link stays valid. */
        @WithDefault("24H")
        java.time.Duration verificationValidity();

        /** How long a password reset link stays valid. */
        @WithDefault("1H")
        java.time.Duration resetValidity();

        /** Days after which stored IP addresses (rate-limit log) are purged. */
        @WithDefault("30")
        int ipRetentionDays();

        /**
         * Fixed password for the demo moderator {@code moddy} and editor {@code eddie}, printed in the log at start;
         * when empty each start gives them new random passwords. Set in the dev and test profiles only.
         */
        java.util.Optional<String> demoPassword();
    }

    interface RateLimit {
        /** Failed log-ins for one account from one IP address per window (and from one known device). */
        @WithDefault("5")
        int loginPerAccountAndIp();

        /** Failed log-ins for one account from every address together per window; known devices skip it. */
        @WithDefault("30")
        int loginPerAccount();

        /** Failed log-ins from one IP address, whatever the account, per window. */
        @WithDefault("20")
        int loginPerIp();

        @WithDefault("15M")
        java.time.Duration loginWindow();

        @WithDefault("5")
        int signupPerIp();

        @WithDefault("1H")
        java.time.Duration signupWindow();

        /** Verification emails one account may ask for per window. */
        @WithDefault("3")
        int resendPerAccount();

        @WithDefault("1H")
        java.time.Duration resendWindow();

        /** Password reset requests per IP address per window. */
        @WithDefault("5")
        int forgotPerIp();

        /** Password reset emails sent to one address per window. */
        @WithDefault("3")
        int forgotPerEmail();

        @WithDefault("1H")
        java.time.Duration forgotWindow();

        /** Searches per IP address per window, counted by each instance (a search costs a full-text query). */
        @WithDefault("60")
        int searchPerIp();

        @WithDefault("1M")
        java.time.Duration searchWindow();
    }

    /** The first admin, created at start if set and no user of that name exists: TRIBUNE_ADMIN_*. */
    interface Admin {
        java.util.Optional<String> username();

        java.util.Optional<String> email();

        java.util.Optional<String> password();
    }
}
