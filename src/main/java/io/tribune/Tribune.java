package io.tribune;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.tribune.importer.ImportCommand;
import jakarta.inject.Inject;

/**
 * The jar's entry point. Without arguments it is the web site, as always. {@code import wordpress|disqus FILE}
 * runs an import against the configured database and exits with its status (docs/import.md); for that run the HTTP
 * server and the scheduled jobs stay off, so it can run beside the live site on the same machine.
 */
@QuarkusMain
public class Tribune implements QuarkusApplication {

    @Inject
    ImportCommand imports;

    /** Settings for an import run only (a test may launch this in a JVM that goes on to serve pages). */
    private static final Map<String, String> IMPORT_SETTINGS = Map.of("quarkus.http.host-enabled", "false",
            "quarkus.scheduler.enabled", "false", "quarkus.banner.enabled", "false", "quarkus.log.console.level", "WARN");

    public static void main(String... args) {
        boolean importing = args.length > 0 && args[0].equals("import");
        Map<String, String> before = new HashMap<>();
        if (importing) {
            IMPORT_SETTINGS.forEach((key, value) -> {
                before.put(key, System.getProperty(key));
                System.setProperty(key, value);
            });
        }
        try {
            Quarkus.run(Tribune.class, args);
        } finally {
            before.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        if (!args[0].equals("import")) {
            System.err.println("Unknown command \"" + args[0] + "\". Run without arguments for the web site, or: "
                    + "import wordpress|disqus FILE [--dry-run]");
            return ImportCommand.USAGE;
        }
        return imports.run(Arrays.asList(args).subList(1, args.length), System.out, System.err, System.console() != null);
    }
}
