package dev.tarsspeedy.platform.test;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Closes the services' Spring contexts at the end of the test run before the shared servers stop, so the run
 * does not end with connection errors from services whose database and broker went away under them.
 *
 * <p>JUnit closes root-store resources in reverse order of registration; the servers registered theirs
 * earlier (in {@code RealInfrastructureExtension}), so these contexts close first. Spring's context cache may
 * close them again at JVM exit, which is harmless.
 */
final class CloseContextsFirst implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(CloseContextsFirst.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        ApplicationContext application = SpringExtension.getApplicationContext(context);
        Contexts contexts = context.getRoot()
                .getStore(NAMESPACE)
                .computeIfAbsent("contexts", key -> new Contexts(), Contexts.class);
        contexts.add(application);
    }

    static final class Contexts implements AutoCloseable {

        private final List<ApplicationContext> contexts = new ArrayList<>();

        synchronized void add(ApplicationContext context) {
            if (!contexts.contains(context)) {
                contexts.add(context);
            }
        }

        @Override
        public synchronized void close() {
            for (ApplicationContext context : contexts.reversed()) {
                if (context instanceof ConfigurableApplicationContext configurable && configurable.isActive()) {
                    configurable.close();
                }
            }
        }
    }
}
