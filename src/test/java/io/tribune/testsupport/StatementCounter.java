package io.tribune.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.specification.RequestSpecification;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Counts the SQL statements of one HTTP request, and only that request's: a request sent with the header
 * {@value #HEADER} carries a token in its Vert.x context (which Quarkus hands on to the worker thread that serves
 * it), and {@link CountingDriver} charges each statement executed in that context to the token. Background work
 * (the mail sweep, the change listener, other tests' requests) is never counted.
 *
 * <pre>
 * StatementCounter.Counted counted = StatementCounter.count(given(), "/articles/x");
 * assertEquals(3, counted.statements().size(), counted.statements().toString());
 * </pre>
 */
@ApplicationScoped
public class StatementCounter {

    public static final String HEADER = "X-Test-Count-Statements";
    private static final String LOCAL = "tribune-test-statement-count";
    private static final Map<String, List<String>> COUNTED = new ConcurrentHashMap<>();

    /** The statements one request ran, in order, and its response body. */
    public record Counted(List<String> statements, String body) {
        public int count() {
            return statements.size();
        }
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(routing -> {
            String token = routing.request().getHeader(HEADER);
            if (token != null && VertxContext.isOnDuplicatedContext()) {
                ContextLocals.put(LOCAL, token);
            }
            routing.next();
        });
    }

    static void executed(String sql) {
        if (!VertxContext.isOnDuplicatedContext()) {
            return;
        }
        ContextLocals.<String>get(LOCAL).ifPresent(token -> COUNTED.computeIfAbsent(token, t -> Collections.synchronizedList(new ArrayList<>()))
                .add(sql == null ? "?" : sql.replaceAll("\\s+", " ").strip()));
    }

    /** GETs {@code path} with {@code request} (expecting 200): the statements it ran and the body as sent. */
    public static List<String> count(RequestSpecification request, String path, java.util.function.Consumer<io.restassured.response.Response> response) {
        String token = UUID.randomUUID().toString();
        io.restassured.response.Response answer = request.header(HEADER, token).get(path);
        answer.then().statusCode(200);
        response.accept(answer);
        List<String> statements = COUNTED.remove(token);
        return statements == null ? List.of() : List.copyOf(statements);
    }

    /** GETs {@code path} with {@code request} (expecting 200) and returns the statements it ran. */
    public static Counted count(RequestSpecification request, String path) {
        String token = UUID.randomUUID().toString();
        String body = request.header(HEADER, token).get(path).then().statusCode(200).extract().asString();
        List<String> statements = COUNTED.remove(token);
        return new Counted(statements == null ? List.of() : List.copyOf(statements), body);
    }
}
