package io.tribune.testsupport;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Test profile only ({@code %test.quarkus.datasource.jdbc.driver}): PostgreSQL's driver, with every statement the
 * pool runs reported to {@link StatementCounter}, which counts those of the HTTP request that asked to be counted.
 * Statements are counted when executed (whoever runs them: Hibernate, plain JDBC), not when prepared.
 */
public class CountingDriver implements Driver {

    private final Driver postgres = new org.postgresql.Driver();

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        Connection connection = postgres.connect(url, info);
        return connection == null ? null : wrap(Connection.class, connection, null);
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(Class<T> type, T target, String sql) {
        return (T) Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] { type },
                new Counting(target, sql));
    }

    private record Counting(Object target, String sql) implements InvocationHandler {

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.startsWith("execute")) {
                StatementCounter.executed(args != null && args.length > 0 && args[0] instanceof String text ? text : sql);
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof CallableStatement callable) {
                return wrap(CallableStatement.class, callable, (String) args[0]);
            }
            if (result instanceof PreparedStatement prepared) {
                return wrap(PreparedStatement.class, prepared, (String) args[0]);
            }
            if (result instanceof Statement statement && !(target instanceof Statement)) {
                return wrap(Statement.class, statement, null);
            }
            return result;
        }
    }

    @Override
    public boolean acceptsURL(String url) throws SQLException {
        return postgres.acceptsURL(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return postgres.jdbcCompliant();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return postgres.getParentLogger();
    }
}
