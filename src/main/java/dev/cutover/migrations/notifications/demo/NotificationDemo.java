package dev.cutover.migrations.notifications.demo;

import java.util.List;

import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.source.SourceEndpoint;

/** {@code --demo} for notification rules: the {@link DemoSources} of the generated {@link DemoRules}. */
public final class NotificationDemo implements DemoData {

    @Override
    public Running start() {
        DemoSources demo = DemoSources.start();
        List<SourceEndpoint> endpoints = demo.urls().entrySet().stream()
                .map(e -> SourceEndpoint.of(e.getKey(), e.getValue()))
                .toList();
        return new Running() {
            @Override
            public List<SourceEndpoint> endpoints() {
                return endpoints;
            }

            @Override
            public void close() {
                demo.close();
            }
        };
    }
}
