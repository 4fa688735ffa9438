package io.tribune;

import java.util.Arrays;

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

    public static void main(String... args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.scheduler.enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            System.setProperty("quarkus.log.console.level", "WARN");
        }
        Quarkus.run(Tribune.class, args);
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
