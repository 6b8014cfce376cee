package dev.cutover.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link TestDatabase} for every {@code @QuarkusTest} of the run (not only this class),
 * so all test classes share one application start and one fresh database.
 */
@QuarkusTestResource(value = TestDatabase.class, restrictToAnnotatedClass = false)
public final class TestDatabaseResource {

    private TestDatabaseResource() {
    }
}
