package dev.cutover.framework.toolkit;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Gives the application's {@code ObjectMapper} the limits of {@link LegacyJson#STORED}: the steps that
 * read back stored targets and reports with it accept every string the earlier steps accepted. HTTP
 * request bodies stay bounded by the HTTP layer's body size limit, not by this.
 */
@Singleton
public class StoredJsonLimits implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(LegacyJson.STORED);
    }
}
