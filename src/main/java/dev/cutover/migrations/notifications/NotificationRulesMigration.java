package dev.cutover.migrations.notifications;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.LiveExecutor;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.migrations.notifications.demo.NotificationDemo;
import dev.cutover.migrations.notifications.dispatch.NotificationDispatcher;

/**
 * The reference migration (DESIGN.md §3): legacy notification rules to policies, with the platform's
 * dispatcher as its live behavior and a built-in demo data set.
 */
@ApplicationScoped
public class NotificationRulesMigration implements MigrationDescriptor {

    public static final String ID = "notification-rules-v2";

    @Inject
    NotificationDispatcher dispatcher;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String entityKind() {
        return "policies";
    }

    @Override
    public Optional<LiveExecutor> liveExecutor() {
        return Optional.of(dispatcher);
    }

    @Override
    public Optional<DemoData> demoData() {
        return Optional.of(new NotificationDemo());
    }
}
