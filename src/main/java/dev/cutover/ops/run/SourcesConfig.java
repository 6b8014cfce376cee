package dev.cutover.ops.run;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/** The configured legacy sources: {@code cutover.sources.<name>.url}. */
@ConfigMapping(prefix = "cutover.sources")
public interface SourcesConfig {

    @WithParentName
    Map<String, Source> all();

    interface Source {
        String url();
    }
}
