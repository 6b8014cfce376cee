package dev.cutover.k8s;

import static dev.cutover.k8s.Manifests.containerPort;
import static dev.cutover.k8s.Manifests.either;
import static dev.cutover.k8s.Manifests.onlyContainer;
import static dev.cutover.k8s.Manifests.volumeAt;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.cutover.bench.EndToEndBench;
import dev.cutover.k8s.Manifests.Manifest;
import dev.cutover.k8s.Manifests.Workload;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.PodFailurePolicyRule;

/**
 * The manifests under {@code k8s/} against what Cutover needs of them (DESIGN.md §8: commands,
 * exit codes, leases): every YAML file parses into typed Kubernetes objects, and the Job, the
 * CronJob and the Deployment run the right command, retry only what a retry can fix, stop
 * gracefully, run locked down, and take their credentials from Secrets. Plain JUnit: no Quarkus,
 * no database, no cluster.
 */
class ManifestsTest {

    static final String MIGRATION = "notification-rules-v2";
    static final String CONFIG_DIR = "/work/config";
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token).*");
    static final Pattern PLACEHOLDER = Pattern.compile("<[^<>]+>");

    static List<Manifest> manifests;
    static List<Workload> workloads;

    @BeforeAll
    static void read() {
        manifests = Manifests.all();
        workloads = Manifests.workloads(manifests);
    }

    @Test
    void everyYamlFileIsAKnownKindWithNoUnknownField() {
        assertThat(Manifests.yamlFiles()).hasSizeGreaterThanOrEqualTo(8);
        SoftAssertions soft = new SoftAssertions();
        for (Manifest m : manifests) {
            soft.assertThat(m.object().getApiVersion()).as(m.where() + " apiVersion").isNotBlank();
            soft.assertThat(m.object().getMetadata().getName()).as(m.file() + " name").isNotBlank();
            soft.assertThat(Manifests.unknownFields(m.object())).as(m.where() + " fields Kubernetes does not know").isEmpty();
        }
        soft.assertAll();
        assertThat(workloads).extracting(Workload::where).hasSize(4);
    }

    @Test
    void kustomizationsListExistingResourcesAndEveryManifestButTheExamples() throws IOException {
        for (Path file : Manifests.yamlFiles().stream().filter(Manifests::isKustomization).toList()) {
            Map<String, Object> kustomization = Manifests.kustomization(file);
            assertThat(kustomization).as(file.toString()).containsEntry("kind", "Kustomization");
            List<String> resources = strings(kustomization.get("resources"));
            assertThat(resources).as(file + " resources").isNotEmpty().doesNotHaveDuplicates();
            Path dir = file.getParent();
            for (String resource : resources) {
                Path target = dir.resolve(resource).normalize();
                assertThat(Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml")))
                        .as(file + ": resource " + resource + " exists").isTrue();
            }
            try (Stream<Path> siblings = Files.list(dir)) {
                Set<String> manifestsHere = siblings.map(p -> p.getFileName().toString())
                        .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).collect(Collectors.toSet());
                // a manifest left out would silently not be deployed; an example applied would overwrite real Secrets
                assertThat(Set.copyOf(resources.stream().filter(r -> !r.contains("/")).toList()))
                        .as(file + " lists every manifest beside it except *.example.yaml")
                        .isEqualTo(manifestsHere.stream().filter(n -> !n.endsWith(".example.yaml")).collect(Collectors.toSet()));
            }
            for (Object patch : (List<?>) kustomization.getOrDefault("patches", List.of())) {
                Map<?, ?> target = (Map<?, ?>) ((Map<?, ?>) patch).get("target");
                assertThat(manifests).as(file + ": patch target " + target)
                        .anySatisfy(m -> {
                            assertThat(m.object().getKind()).isEqualTo(target.get("kind"));
                            assertThat(m.object().getMetadata().getName()).isEqualTo(target.get("name"));
                        });
            }
        }
    }

    /**
     * The JVM overlay states the memory settings the benchmark measured plan and apply with (issue 9):
     * each JAVA_TOOL_OPTIONS it adds holds the benchmark's heap cap and batch options, in that order.
     */
    @Test
    void theJvmOverlayRunsPlanAndApplyWithTheOptionsTheBenchmarkMeasured() throws IOException {
        Path overlay = Manifests.ROOT.resolve("overlays/jvm/kustomization.yaml");
        String measured = "-Xmx" + EndToEndBench.XMX + " " + EndToEndBench.BATCH_JVM_OPTIONS;
        List<String> toolOptions = new ArrayList<>();
        for (Object patch : (List<?>) Manifests.kustomization(overlay).get("patches")) {
            JsonNode operations = Manifests.YAML.readTree((String) ((Map<?, ?>) patch).get("patch"));
            for (JsonNode operation : operations) {
                JsonNode value = operation.path("value");
                if ("JAVA_TOOL_OPTIONS".equals(value.path("name").asText())) {
                    toolOptions.add(value.path("value").asText());
                }
            }
        }
        assertThat(toolOptions).as("JAVA_TOOL_OPTIONS of the Job and the CronJob in " + overlay).hasSize(2)
                .allSatisfy(options -> assertThat(" " + options + " ").contains(" " + measured + " "));
    }

    @Test
    void theJobAppliesTheMigrationAndFailsAtOnceOnUsageErrorsAndRefusals() {
        Job job = Manifests.one(manifests, Job.class, "cutover-apply-" + MIGRATION);
        JobSpec spec = job.getSpec();
        Container container = onlyContainer(spec.getTemplate().getSpec());
        assertThat(container.getArgs()).startsWith("apply", MIGRATION).doesNotContain("--demo");
        // applying the base must not switch the executing model by itself
        assertThat(spec.getSuspend()).as("created suspended").isTrue();
        assertRetriesOnlyWhatARetryCanFix(spec, container.getName());
    }

    @Test
    void theCronJobPlansOneAtATime() {
        CronJob cron = Manifests.one(manifests, CronJob.class, "cutover-plan-" + MIGRATION);
        assertThat(cron.getSpec().getSchedule()).isNotBlank();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        JobSpec spec = cron.getSpec().getJobTemplate().getSpec();
        Container container = onlyContainer(spec.getTemplate().getSpec());
        assertThat(container.getArgs()).startsWith("plan", MIGRATION).doesNotContain("--demo");
        assertRetriesOnlyWhatARetryCanFix(spec, container.getName());
    }

    @Test
    void theRetentionCronJobPrunesOneAtATimeKeepingRuns() {
        CronJob cron = Manifests.one(manifests, CronJob.class, "cutover-prune-" + MIGRATION);
        assertThat(cron.getSpec().getSchedule()).isNotBlank();
        assertThat(cron.getSpec().getConcurrencyPolicy()).isEqualTo("Forbid");
        JobSpec spec = cron.getSpec().getJobTemplate().getSpec();
        Container container = onlyContainer(spec.getTemplate().getSpec());
        assertThat(container.getArgs()).startsWith("prune", MIGRATION).anySatisfy(a -> assertThat(a).matches("--keep=[1-9][0-9]*"));
        assertRetriesOnlyWhatARetryCanFix(spec, container.getName());
    }

    @Test
    void theDeploymentServesOnPort8080WithHealthProbes() {
        Deployment deployment = Manifests.one(manifests, Deployment.class, "cutover-serve");
        Container container = onlyContainer(deployment.getSpec().getTemplate().getSpec());
        assertThat(container.getArgs()).containsExactly("serve");
        assertThat(container.getPorts()).anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(8080));
        assertProbe(container, container.getLivenessProbe(), "/q/health/live");
        assertProbe(container, container.getReadinessProbe(), "/q/health/ready");
        if (container.getStartupProbe() != null) {
            assertProbe(container, container.getStartupProbe(), "/q/health/live");
        }
        // the dispatcher has no lease: never two serving pods, not even during a rollout
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");

        Service service = Manifests.one(manifests, Service.class, "cutover-serve");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts())
                .anySatisfy(p -> assertThat(containerPort(container, p.getTargetPort())).isEqualTo(8080));
    }

    @Test
    void everyContainerRunsLockedDownWithBoundedResources() {
        SoftAssertions soft = new SoftAssertions();
        for (Workload w : workloads) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podSecurity = Objects.requireNonNullElseGet(pod.getSecurityContext(), PodSecurityContext::new);
            soft.assertThat(pod.getTerminationGracePeriodSeconds()).as(w.where() + " terminationGracePeriodSeconds: a chunk finishes")
                    .isNotNull().isGreaterThanOrEqualTo(60L);
            for (Container c : pod.getContainers()) {
                String where = w.where() + " container " + c.getName();
                SecurityContext security = Objects.requireNonNullElseGet(c.getSecurityContext(), SecurityContext::new);
                soft.assertThat(either(security.getRunAsNonRoot(), podSecurity.getRunAsNonRoot())).as(where + " runAsNonRoot").isTrue();
                soft.assertThat(either(security.getRunAsUser(), podSecurity.getRunAsUser())).as(where + " runAsUser").isNotNull().isNotZero();
                soft.assertThat(security.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                soft.assertThat(security.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                soft.assertThat(security.getCapabilities() == null ? null : security.getCapabilities().getDrop())
                        .as(where + " capabilities.drop").isNotNull().contains("ALL");
                var seccomp = either(security.getSeccompProfile(), podSecurity.getSeccompProfile());
                soft.assertThat(seccomp == null ? null : seccomp.getType()).as(where + " seccompProfile").isEqualTo("RuntimeDefault");

                var resources = c.getResources();
                Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
                Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
                soft.assertThat(requests).as(where + " requests").isNotNull().containsKeys("cpu", "memory");
                soft.assertThat(limits).as(where + " limits").isNotNull().containsKeys("cpu", "memory");
                if (requests != null && limits != null && requests.containsKey("memory") && limits.containsKey("memory")) {
                    soft.assertThat(requests.get("memory")).as(where + " memory request <= limit").isLessThanOrEqualTo(limits.get("memory"));
                }

                soft.assertThat(c.getImage()).as(where + " image: the name kustomization.yaml `images` sets").matches("cutover(:.+)?");
                soft.assertThat(volumeAt(pod, c, "/tmp")).as(where + " /tmp (read-only root)")
                        .satisfies(v -> assertThat(v.getEmptyDir()).isNotNull());
                soft.assertThat(volumeAt(pod, c, CONFIG_DIR)).as(where + " " + CONFIG_DIR + " (config/application.properties)")
                        .satisfies(v -> assertThat(configMap(v.getConfigMap().getName()).getData()).containsKey("application.properties"));

                Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
                soft.assertThat(env).as(where + " env").containsKey("QUARKUS_DATASOURCE_JDBC_URL");
                for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                    EnvVar var = env.get(name);
                    SecretKeySelector ref = var == null || var.getValueFrom() == null ? null : var.getValueFrom().getSecretKeyRef();
                    soft.assertThat(ref).as(where + " " + name + " from a Secret (secretKeyRef)").isNotNull();
                    if (ref != null) {
                        soft.assertThat(secret(ref.getName()).getStringData()).as(where + " " + name + ": the example Secret has the key")
                                .containsKey(ref.getKey());
                    }
                }
            }
        }
        soft.assertAll();
    }

    @Test
    void noManifestHoldsALiteralPassword() throws IOException {
        SoftAssertions soft = new SoftAssertions();
        for (Workload w : workloads) {
            for (Container c : w.template().getSpec().getContainers()) {
                for (EnvVar var : c.getEnv()) {
                    if (SECRET_NAME.matcher(var.getName()).matches()) {
                        soft.assertThat(var.getValue()).as(w.where() + " env " + var.getName() + " is a literal").isNull();
                        soft.assertThat(var.getValueFrom() == null ? null : var.getValueFrom().getSecretKeyRef())
                                .as(w.where() + " env " + var.getName() + " from a Secret").isNotNull();
                    }
                }
            }
        }
        for (Manifest m : manifests) {
            if (m.object() instanceof ConfigMap configMap) {
                for (var entry : configMap.getData().entrySet()) {
                    soft.assertThat(entry.getKey()).as(m.where() + " key").doesNotMatch(SECRET_NAME);
                    if (entry.getKey().endsWith(".properties")) {
                        Properties properties = new Properties();
                        properties.load(new StringReader(entry.getValue()));
                        soft.assertThat(properties.stringPropertyNames()).as(m.where() + " " + entry.getKey())
                                .noneMatch(k -> SECRET_NAME.matcher(k).matches());
                    }
                }
            }
            if (m.object() instanceof Secret secret) {
                // base64 `data` would hide what is committed
                soft.assertThat(secret.getData()).as(m.where() + " data (use stringData placeholders)").isNullOrEmpty();
                secret.getStringData().forEach((key, value) -> {
                    if (SECRET_NAME.matcher(key).matches()) {
                        soft.assertThat(value).as(m.where() + " " + key + " is a <placeholder>").matches(PLACEHOLDER);
                    }
                });
            }
        }
        soft.assertAll();
    }

    /** Exit 2 and 3 fail the Job at once; 1 and 4 are retried up to backoffLimit; time and SIGTERM are bounded. */
    private static void assertRetriesOnlyWhatARetryCanFix(JobSpec spec, String container) {
        assertThat(spec.getBackoffLimit()).as("backoffLimit").isNotNull().isPositive();
        assertThat(spec.getActiveDeadlineSeconds()).as("activeDeadlineSeconds").isNotNull().isPositive();
        PodSpec pod = spec.getTemplate().getSpec();
        assertThat(pod.getRestartPolicy()).as("restartPolicy (podFailurePolicy needs Never)").isEqualTo("Never");
        assertThat(pod.getTerminationGracePeriodSeconds()).as("terminationGracePeriodSeconds").isGreaterThanOrEqualTo(60L);
        assertThat(spec.getPodFailurePolicy()).as("podFailurePolicy").isNotNull();
        List<PodFailurePolicyRule> exitCodeRules = spec.getPodFailurePolicy().getRules().stream()
                .filter(r -> r.getOnExitCodes() != null).toList();
        for (PodFailurePolicyRule rule : exitCodeRules) {
            assertThat(rule.getOnExitCodes().getContainerName()).as("rule " + rule.getAction() + " container").isIn(null, container);
        }
        assertThat(exitCodes(exitCodeRules, "FailJob", "In")).as("exit codes that fail the Job at once").contains(2, 3);
        // an earlier rule wins: nothing before may count or ignore 2 and 3, nothing may fail the Job or ignore 1 and 4
        for (PodFailurePolicyRule rule : exitCodeRules) {
            List<Integer> values = rule.getOnExitCodes().getValues();
            boolean in = "In".equals(rule.getOnExitCodes().getOperator());
            assertThat(in).as("rule " + rule.getAction() + " uses operator In").isTrue();
            if (rule.getAction().equals("FailJob")) {
                break;
            }
            assertThat(values).as("rule " + rule.getAction() + " before FailJob").doesNotContain(2, 3);
        }
        assertThat(exitCodes(exitCodeRules, "FailJob", "In")).as("1 and 4 are retried").doesNotContain(1, 4);
        assertThat(exitCodes(exitCodeRules, "Ignore", "In")).as("1 and 4 count against backoffLimit").doesNotContain(1, 4);
    }

    private static List<Integer> exitCodes(List<PodFailurePolicyRule> rules, String action, String operator) {
        return rules.stream().filter(r -> r.getAction().equals(action) && operator.equals(r.getOnExitCodes().getOperator()))
                .flatMap(r -> r.getOnExitCodes().getValues().stream()).toList();
    }

    private static void assertProbe(Container container, Probe probe, String path) {
        assertThat(probe).as("probe on " + path).isNotNull();
        assertThat(probe.getHttpGet()).as("probe on " + path + " is an HTTP GET").isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(containerPort(container, probe.getHttpGet().getPort())).as("probe port of " + path).isEqualTo(8080);
    }

    private static ConfigMap configMap(String name) {
        return Manifests.one(manifests, ConfigMap.class, name);
    }

    private static Secret secret(String name) {
        return Manifests.one(manifests, Secret.class, name);
    }

    private static List<String> strings(Object list) {
        return list == null ? List.of() : ((List<?>) list).stream().map(String::valueOf).toList();
    }
}
