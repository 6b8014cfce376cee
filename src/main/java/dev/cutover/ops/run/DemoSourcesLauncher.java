package dev.cutover.ops.run;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.cutover.framework.source.SourceEndpoint;
import dev.cutover.migrations.notifications.demo.DemoSources;

/**
 * Serves the built-in demo data set for one command ({@code --demo}): three legacy sources on
 * loopback ports of this process, stopped when the command ends.
 */
@ApplicationScoped
public class DemoSourcesLauncher {

    /** The running demo sources of one command. */
    public interface Running extends AutoCloseable {
        List<SourceEndpoint> endpoints();

        @Override
        void close();
    }

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
