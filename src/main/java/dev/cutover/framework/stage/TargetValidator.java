package dev.cutover.framework.stage;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The migration-specific half of the validate step: structural checks of the staged entities that
 * only the migration understands (for the reference migration: every policy has a recipient).
 */
public interface TargetValidator {

    /**
     * @param entities the staged entity bodies of the run, in model order
     * @return what is wrong, one line per problem; empty when the staged model is complete
     */
    List<String> problems(List<JsonNode> entities);
}
