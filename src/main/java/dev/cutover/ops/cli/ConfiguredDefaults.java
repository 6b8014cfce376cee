package dev.cutover.ops.cli;

import org.eclipse.microprofile.config.ConfigProvider;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;

/**
 * The default of an option whose {@code descriptionKey} names a setting ({@code cutover.concurrency}) is
 * that setting as the application reads it: from {@code config/application.properties}, the environment
 * ({@code CUTOVER_CONCURRENCY}) or a system property; the option's own default when it is not set.
 * Picocli's {@code ${...}} defaults read system properties only, so a setting made in the file or the
 * environment was ignored by the command line while the API and the schedules used it. Used by the
 * command line that runs, once the application has started; the one that only parses keeps the options'
 * own defaults (the value a setting gives is checked when the command runs).
 */
final class ConfiguredDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec argSpec) {
        String setting = argSpec.descriptionKey();
        if (setting == null || setting.isEmpty()) {
            return null;
        }
        return ConfigProvider.getConfig().getOptionalValue(setting, String.class).orElse(null);
    }
}
