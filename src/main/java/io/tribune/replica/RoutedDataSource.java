package io.tribune.replica;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Collection;
import java.util.List;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.agroal.api.AgroalPoolInterceptor;
import io.agroal.api.configuration.AgroalDataSourceConfiguration;

/**
 * The application's datasource when a replica is configured: the primary's pool, except that a connection asked for
 * while serving a reader request ({@link ReadRoutes}) may come from the replica. Hibernate, Flyway and every
 * {@code @Inject DataSource} get this, so reader code needs no change; everything outside a reader request (writes,
 * startup, jobs, the session check of a write) reads the primary as before.
 */
final class RoutedDataSource implements AgroalDataSource {

    private static final long serialVersionUID = 1L;

    private final transient AgroalDataSource primary;
    private final transient Replica replica;

    RoutedDataSource(AgroalDataSource primary, Replica replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        ReadRoutes.Route route = ReadRoutes.current();
        if (route != null && !route.decidedPrimary()) {
            Connection connection = replica.readerConnection(route.mustReach());
            if (connection != null) {
                return connection;
            }
            // once a request has read the primary it stays there: a replica read after it could be older
            route.choosePrimary();
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    @Override
    public Connection getReadOnlyConnection() throws SQLException {
        return primary.getReadOnlyConnection();
    }

    @Override
    public AgroalDataSourceConfiguration getConfiguration() {
        return primary.getConfiguration();
    }

    @Override
    public AgroalDataSourceMetrics getMetrics() {
        return primary.getMetrics();
    }

    @Override
    public void flush(FlushMode mode) {
        primary.flush(mode);
    }

    @Override
    public void setPoolInterceptors(Collection<? extends AgroalPoolInterceptor> interceptors) {
        primary.setPoolInterceptors(interceptors);
    }

    @Override
    public List<AgroalPoolInterceptor> getPoolInterceptors() {
        return primary.getPoolInterceptors();
    }

    @Override
    public boolean isHealthy(boolean newConnection) throws SQLException {
        return primary.isHealthy(newConnection);
    }

    @Override
    public void close() {
        primary.close();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return primary.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        primary.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        primary.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return primary.getLoginTimeout();
    }

    @Override
    public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return primary.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }
}
