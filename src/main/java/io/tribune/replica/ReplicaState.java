package io.tribune.replica;

/**
 * What the last look at the replica found. {@code position} is the WAL position it has replayed (as a number of
 * bytes), {@code lagSeconds} how far its replay is behind the primary's commits (0 when it has replayed all it
 * received), {@code problem} why it cannot be used (null when it can).
 */
public record ReplicaState(boolean configured, long position, double lagSeconds, String problem, long checkedAtMillis) {

    static final ReplicaState NOT_CONFIGURED = new ReplicaState(false, 0, 0, "not configured", 0);

    static ReplicaState down(String problem) {
        return new ReplicaState(true, 0, 0, problem, System.currentTimeMillis());
    }

    public boolean reachable() {
        return configured && problem == null;
    }

    /** In words, for health and the log. */
    public String describe(double maxLagSeconds) {
        if (!configured) {
            return "not configured: every read goes to the primary";
        }
        if (problem != null) {
            return "skipped (" + problem + "): reads go to the primary";
        }
        if (lagSeconds > maxLagSeconds) {
            return String.format(java.util.Locale.ROOT, "skipped: replay %.1f s behind (more than %.0f s): reads go to the primary",
                    lagSeconds, maxLagSeconds);
        }
        return "in use";
    }
}
