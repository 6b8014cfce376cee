package dev.cutover.ops.run;

import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.model.ExecutingModel;
import dev.cutover.framework.model.ExecutingModelReader;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The executing target model of a migration as canonical JSON (DESIGN.md §8 {@code export}):
 * {@code {"migration", "generation", "<entities>": [...]}} with entities in model order, without
 * their ids; generation 0 with no entities while legacy executes. Pointer and entities are read in one
 * transaction through {@link ExecutingModelReader}, so an activation committing meanwhile is seen whole
 * or not at all.
 */
@ApplicationScoped
public class ModelExport {

    @Inject
    ExecutingModelReader models;

    @Inject
    DataSource dataSource;

    @Inject
    MigrationCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    Migrations migrations;

    public ObjectNode export(String migration) {
        String known = catalog.require(migration);
        return QuarkusTransaction.joiningExisting().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                ExecutingModel executing = models.current(connection, known);
                ObjectNode out = json.createObjectNode();
                out.put("migration", migration);
                out.put("generation", executing.generation());
                String kind = executing.isLegacy() ? entityKind(migration) : executing.entityKind();
                ArrayNode entities = out.putArray(kind);
                models.forEachEntity(connection, executing, entity -> {
                    ObjectNode body = parse(entity.body(), entity.id());
                    body.remove("id");
                    entities.add(body);
                });
                return out;
            }
        });
    }

    private ObjectNode parse(String body, String id) {
        try {
            return (ObjectNode) json.readTree(body);
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("executing entity " + id + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    private String entityKind(String migration) {
        return migrations.find(migration).map(MigrationDescriptor::entityKind).orElse("entities");
    }
}
