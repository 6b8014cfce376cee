package dev.cutover.ops.http;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.cutover.framework.run.RunSettingsStore;
import dev.cutover.ops.lease.LeaseHeldException;
import dev.cutover.ops.run.MigrationLauncher;
import dev.cutover.support.Api;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A start refused because another execution holds the migration's lease is a 409 naming the holder
 * and the expiry, whether the launcher throws the refusal as it is or wrapped. The launcher is
 * replaced for one test at a time, so no real execution is involved.
 */
@QuarkusTest
class ApiLeaseTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-02T03:04:05Z");
    private static final Map<String, Object> BODY = Map.of("sources", Map.of("eu-1", "http://127.0.0.1:9/"));

    private static void launcherThrows(RuntimeException refusal) {
        QuarkusMock.installMockForType(new MigrationLauncher() {
            @Override
            public long start(String migration, String mode, RunSettingsStore.Settings settings) {
                throw refusal;
            }
        }, MigrationLauncher.class);
    }

    @Test
    void startWhileAnotherExecutionHoldsTheLeaseIs409NamingHolderAndExpiry() {
        launcherThrows(new LeaseHeldException(Api.MIGRATION, 41L, "123@host", EXPIRES));
        Api.operator().contentType(ContentType.JSON).body(BODY).post(Api.BASE + "/apply")
                .then().statusCode(409).contentType(ContentType.JSON)
                .body("holderExecutionId", equalTo(41)).body("expiresAt", equalTo("2030-01-02T03:04:05Z"))
                .body("migration", equalTo(Api.MIGRATION)).body("error", containsString("execution 41"));
    }

    @Test
    void leaseBoundToNoExecutionIs409NamingTheProcessThatTookIt() {
        launcherThrows(new LeaseHeldException(Api.MIGRATION, null, "123@host", EXPIRES));
        Api.operator().contentType(ContentType.JSON).body(BODY).post(Api.BASE + "/apply")
                .then().statusCode(409).body("holderExecutionId", org.hamcrest.Matchers.nullValue())
                .body("holder", equalTo("123@host")).body("error", containsString("process 123@host holds the lease of "))
                .body("error", not(containsString("execution 0")));
    }

    @Test
    void leaseRefusalWrappedByTheLauncherIsStill409() {
        launcherThrows(new IllegalStateException("cannot start", new LeaseHeldException(Api.MIGRATION, 7L, "123@host", EXPIRES)));
        Api.operator().contentType(ContentType.JSON).body(BODY).post(Api.BASE + "/plan")
                .then().statusCode(409).body("holderExecutionId", equalTo(7));
    }

    @Test
    void unexpectedFailureIs500WithAReferenceAndNoStackTrace() {
        launcherThrows(new IllegalStateException("database on fire"));
        Api.operator().contentType(ContentType.JSON).body(BODY).post(Api.BASE + "/plan")
                .then().statusCode(500).contentType(ContentType.JSON)
                .body("error", containsString("internal error (reference "))
                .body(org.hamcrest.Matchers.not(containsString("database on fire")))
                .body(org.hamcrest.Matchers.not(containsString("at dev.cutover")));
    }
}
