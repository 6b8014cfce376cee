package dev.cutover.ops.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.activate.ExecutingModel;
import dev.cutover.framework.activate.GenerationSwitch;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.Migrations;
import dev.cutover.framework.run.TargetStore;

/**
 * The executing target model of a migration as canonical JSON (DESIGN.md §8 {@code export}):
 * {@code {"migration", "generation", "<entities>": [...]}} with entities in model order, without
 * their ids; generation 0 with no entities while legacy executes.
 */
@ApplicationScoped
public class ModelExport {

    @Inject
    GenerationSwitch generations;

    @Inject
    TargetStore targets;

    @Inject
    MigrationCatalog catalog;

    @Inject
    ObjectMapper json;

    @Inject
    Migrations migrations;

    public ObjectNode export(String migration) throws Exception {
        ExecutingModel executing = generations.current(catalog.require(migration));
        ObjectNode out = json.createObjectNode();
        out.put("migration", migration);
        out.put("generation", executing.generation());
        String kind = executing.isLegacy() ? entityKind(migration) : executing.entityKind();
        ArrayNode entities = out.putArray(kind);
        if (!executing.isLegacy()) {
            for (String body : targets.bodies(executing.runId())) {
                ObjectNode entity = (ObjectNode) json.readTree(body);
                entity.remove("id");
                entities.add(entity);
            }
        }
        return out;
    }

    private String entityKind(String migration) {
        return migrations.find(migration).map(MigrationDescriptor::entityKind).orElse("entities");
    }
}
