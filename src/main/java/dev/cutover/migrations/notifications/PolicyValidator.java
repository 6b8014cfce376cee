package dev.cutover.migrations.notifications;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.framework.stage.TargetValidator;

/** Staged policies are complete: a key, a schedule that parses, and at least one recipient each. */
@ApplicationScoped
@Named
public class PolicyValidator implements TargetValidator {

    @Override
    public List<String> problems(List<JsonNode> policies) {
        List<String> problems = new ArrayList<>();
        for (JsonNode policy : policies) {
            String id = policy.path("id").asText("?");
            JsonNode recipients = policy.get("recipients");
            if (recipients == null || !recipients.isArray() || recipients.isEmpty()) {
                problems.add("policy " + id + " has no recipient");
            }
            for (String field : List.of("tenant", "channel", "schedule", "timezone")) {
                if (!policy.path(field).isTextual() || policy.path(field).asText().isEmpty()) {
                    problems.add("policy " + id + " has no " + field);
                }
            }
            if (policy.path("schedule").isTextual() && CronSchedule.parse(policy.path("schedule").asText()).isEmpty()) {
                problems.add("policy " + id + " has an invalid schedule '" + policy.path("schedule").asText() + "'");
            }
        }
        return problems;
    }
}
