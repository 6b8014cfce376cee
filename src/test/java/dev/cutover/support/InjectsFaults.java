package dev.cutover.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Marks a test that makes an execution (or a tick) fail on purpose: around it the log says
 * {@code EXPECTED FAILURE (test X injects Y)} and {@code END OF EXPECTED FAILURE (test X)}, so that a
 * reader of {@code ./mvnw verify} tells the ERROR lines and stack traces in between (JBeret's
 * {@code JBERET000007}, the dispatcher's failed tick) from real failures. The lines go through the
 * application's logging, the same stream and order as the errors they frame; the errors themselves are
 * left exactly as production logs them.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InjectsFaults.Marker.class)
public @interface InjectsFaults {

    /** What the test injects, e.g. {@code HTTP 404 from source s1}. */
    String value();

    /** Writes the two lines around each marked test. */
    final class Marker implements BeforeEachCallback, AfterEachCallback {

        private static final Logger LOG = Logger.getLogger(InjectsFaults.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            fault(context).ifPresent(fault -> begin(name(context), fault));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            fault(context).ifPresent(fault -> end(name(context)));
        }

        /** The opening line, for a test whose faults are data (a scenario case) rather than an annotation. */
        public static void begin(String test, String fault) {
            LOG.warnf("EXPECTED FAILURE (test %s injects %s): the errors logged until "
                    + "'END OF EXPECTED FAILURE' are provoked on purpose", test, fault);
        }

        /** The closing line of {@link #begin}. */
        public static void end(String test) {
            LOG.warnf("END OF EXPECTED FAILURE (test %s)", test);
        }

        private static Optional<String> fault(ExtensionContext context) {
            Optional<InjectsFaults> marked = find(context.getRequiredTestMethod());
            return (marked.isPresent() ? marked : find(context.getRequiredTestClass())).map(InjectsFaults::value);
        }

        private static Optional<InjectsFaults> find(AnnotatedElement element) {
            return AnnotationSupport.findAnnotation(element, InjectsFaults.class);
        }

        private static String name(ExtensionContext context) {
            return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        }
    }
}
