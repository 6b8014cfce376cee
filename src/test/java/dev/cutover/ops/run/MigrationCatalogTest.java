package dev.cutover.ops.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A migration is a job XML with a descriptor; the shared job shape and descriptors without a job are not. */
@QuarkusTest
class MigrationCatalogTest {

    @Inject
    MigrationCatalog catalog;

    @Test
    void theSharedJobShapeIsNotAMigration() {
        assertThat(catalog.names()).containsExactly("notification-rules-v2", "rate-limits-v2");
        assertThatThrownBy(() -> catalog.require("cutover-migration"))
                .hasMessage("unknown migration 'cutover-migration'; known: notification-rules-v2, rate-limits-v2");
    }
}
