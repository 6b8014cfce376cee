package dev.cutover.framework.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.cutover.framework.source.SourceEndpoint;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The settings of migration runs, in Cutover's own table ({@code run_settings}) rather than in
 * JBeret's job parameters, which hold 3,000 characters in all (65 sources with ordinary host names
 * do not fit). The job parameters carry only {@link RunParameters#MODE}, the id of the run's row
 * ({@link RunParameters#SETTINGS}) and the lease token; the job XML passes the id on as the job-level
 * property {@value RunParameters#SETTINGS}, which artifacts read with {@link #of(JobContext)}.
 *
 * <p>Contract: a row is immutable once saved (nothing updates or deletes it), and a restart of the
 * job instance keeps the original job parameters, so it reads the same row: the same sources,
 * concurrency, accepted codes, reviewed digest and report file as the first execution.
 */
@ApplicationScoped
public class RunSettingsStore {

    /**
     * How a run was asked to run (the mode is a job parameter of its own).
     *
     * @param sources     the sources to read, in partition order
     * @param concurrency most requests in flight to all sources together
     * @param accept      accepted anomaly codes
     * @param planDigest  the digest the operator reviewed ({@code --plan-digest}), or {@code null}
     * @param out         absolute path of the report file ({@code --out}), or {@code null}
     * @param demo        whether the sources are the built-in demo sources ({@code --demo}), served by the
     *                    process that started the run: once it ended they are gone, so such a run cannot
     *                    be restarted by id
     */
    public record Settings(List<SourceEndpoint> sources, int concurrency, List<String> accept, String planDigest, String out,
            boolean demo) {

        public Settings {
            sources = List.copyOf(sources);
            accept = List.copyOf(accept);
        }

        /** Settings of a run that reads sources which outlive it. */
        public Settings(List<SourceEndpoint> sources, int concurrency, List<String> accept, String planDigest, String out) {
            this(sources, concurrency, accept, planDigest, out, false);
        }

        /** @return these settings, for a run that reads the demo sources of the process starting it */
        public Settings withDemoSources() {
            return new Settings(sources, concurrency, accept, planDigest, out, true);
        }

        /** @return the accepted anomaly codes */
        public Set<String> accepted() {
            return new TreeSet<>(accept);
        }
    }

    @Inject
    ObjectMapper json;

    /**
     * Saves the settings in a transaction of its own, committed when this returns, so that an
     * execution started next (on another thread) finds them.
     *
     * @return the id to pass as the {@value RunParameters#SETTINGS} job parameter
     */
    public long save(Settings settings) {
        String text = toJson(settings);
        return QuarkusTransaction.requiringNew().call(() -> {
            RunSettingsRecord row = new RunSettingsRecord(text);
            row.persist();
            return row.id;
        });
    }

    /** @throws IllegalStateException when there is no such row */
    @Transactional
    public Settings read(long id) {
        RunSettingsRecord row = RunSettingsRecord.findById(id);
        if (row == null) {
            throw new IllegalStateException("no run settings " + id);
        }
        return fromJson(row.settings);
    }

    /**
     * @return the settings of the running job, whose XML declares the job-level property
     *         {@code <property name="settings" value="#{jobParameters['settings']}"/>}
     * @throws IllegalStateException when the job was started without settings
     */
    public Settings of(JobContext job) {
        String id = job.getProperties().getProperty(RunParameters.SETTINGS);
        if (id == null || id.isEmpty()) {
            throw new IllegalStateException("execution " + job.getExecutionId() + " has no '" + RunParameters.SETTINGS
                    + "' job property; start migrations through cutover (CLI, HTTP API or schedule)");
        }
        return read(Long.parseLong(id));
    }

    /** @return the settings of an execution, from its job parameters; {@code null} when it has none */
    public Settings ofParameters(Properties jobParameters) {
        String id = jobParameters == null ? null : jobParameters.getProperty(RunParameters.SETTINGS);
        return id == null || id.isEmpty() ? null : read(Long.parseLong(id));
    }

    private String toJson(Settings settings) {
        ObjectNode node = json.createObjectNode();
        var sources = node.putArray("sources");
        settings.sources().forEach(s -> sources.addObject().put("name", s.name()).put("url", s.baseUrl().toString()));
        node.put("concurrency", settings.concurrency());
        settings.accept().forEach(node.putArray("accept")::add);
        node.put("planDigest", settings.planDigest());
        node.put("out", settings.out());
        if (settings.demo()) {
            node.put("demo", true);
        }
        return node.toString();
    }

    private Settings fromJson(String text) {
        try {
            JsonNode node = json.readTree(text);
            List<SourceEndpoint> sources = new ArrayList<>();
            node.get("sources").forEach(s -> sources.add(SourceEndpoint.of(s.get("name").asText(), s.get("url").asText())));
            List<String> accept = new ArrayList<>();
            node.path("accept").forEach(code -> accept.add(code.asText()));
            return new Settings(sources, node.get("concurrency").asInt(), accept, textOrNull(node, "planDigest"),
                    textOrNull(node, "out"), node.path("demo").asBoolean(false));
        } catch (Exception e) {
            throw new IllegalStateException("stored run settings are unreadable: " + text, e);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
