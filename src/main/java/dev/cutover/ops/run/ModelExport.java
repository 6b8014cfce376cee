package dev.cutover.ops.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.Connection;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * or not at all, and written as they are read: the model is never held.
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

    /**
     * Writes the export to {@code out} as it reads it, one entity at a time (a model of any size is never
     * held), and flushes; does not close {@code out}.
     *
     * @param pretty indented, as the command line prints it; compact otherwise
     * @return what was exported, for a one-line summary
     */
    public Summary export(String migration, Writer out, boolean pretty) throws IOException {
        String known = catalog.require(migration);
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            if (pretty) {
                generator.useDefaultPrettyPrinter();
            }
            return QuarkusTransaction.joiningExisting().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    ExecutingModel executing = models.current(connection, known);
                    long[] entities = { 0 };
                    generator.writeStartObject();
                    generator.writeStringField("migration", migration);
                    generator.writeNumberField("generation", executing.generation());
                    generator.writeArrayFieldStart(executing.isLegacy() ? entityKind(migration) : executing.entityKind());
                    models.forEachEntity(connection, executing, entity -> {
                        ObjectNode body = parse(entity.body(), entity.id());
                        body.remove("id");
                        entities[0]++;
                        try {
                            json.writeTree(generator, body);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    generator.writeEndArray();
                    generator.writeEndObject();
                    return new Summary(migration, executing.generation(),
                            executing.isLegacy() ? entityKind(migration) : executing.entityKind(), entities[0]);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** What an export held: the generation, what its entities are called and how many there were. */
    public record Summary(String migration, int generation, String entityKind, long entities) {
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
