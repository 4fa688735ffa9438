package io.tribune.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableBean;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Puts {@link RoutedDataSource} in place of the default datasource when a replica is configured (an alternative
 * bean outranks Quarkus's own); without a replica the application gets the primary's pool itself, unchanged.
 */
@Singleton
public class PrimaryDataSource {

    /** The primary's own pool, never routed: for what must read the primary whatever the request. */
    public static AgroalDataSource get() {
        for (var bean : Arc.container().beanManager().getBeans(AgroalDataSource.class, Default.Literal.INSTANCE)) {
            if (!bean.isAlternative()) {
                @SuppressWarnings("unchecked")
                InjectableBean<AgroalDataSource> pool = (InjectableBean<AgroalDataSource>) bean;
                return Arc.container().instance(pool).get();
            }
        }
        throw new IllegalStateException("No default datasource");
    }

    @Produces
    @Singleton
    @Default
    @Alternative
    @Priority(1)
    AgroalDataSource dataSource(Replica replica) {
        AgroalDataSource primary = get();
        return replica.configured() ? new RoutedDataSource(primary, replica) : primary;
    }
}
