package dev.cutover.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * The YAML files under {@code k8s/}, read into typed fabric8 objects. A {@code kustomization.yaml}
 * is not a Kubernetes object and is read as a plain map ({@link #kustomization}).
 */
final class Manifests {

    static final Path ROOT = Path.of("k8s");
    static final ObjectMapper YAML = new YAMLMapper();

    /** The kinds Cutover's manifests may hold; any other kind fails the reading. */
    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "Job", Job.class,
            "CronJob", CronJob.class,
            "Deployment", Deployment.class,
            "Service", Service.class,
            "ConfigMap", ConfigMap.class,
            "Secret", Secret.class);

    /** One document of a manifest file. */
    record Manifest(Path file, HasMetadata object) {

        String where() {
            return ROOT.relativize(file) + " " + object.getKind() + "/" + object.getMetadata().getName();
        }
    }

    /** A pod template and where it is, for the checks every workload must pass. */
    record Workload(String where, PodTemplateSpec template) {
    }

    private Manifests() {
    }

    /** Every {@code .yaml}/{@code .yml} file under {@code k8s/}, sorted. */
    static List<Path> yamlFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isKustomization(Path file) {
        return file.getFileName().toString().equals("kustomization.yaml");
    }

    /** Every document of every manifest file (all but the kustomizations), typed by its kind. */
    static List<Manifest> all() {
        List<Manifest> all = new ArrayList<>();
        for (Path file : yamlFiles()) {
            if (!isKustomization(file)) {
                read(file).forEach(object -> all.add(new Manifest(file, object)));
            }
        }
        return all;
    }

    /** @throws IllegalArgumentException for an empty file, a document without a known kind, or bad YAML */
    static List<HasMetadata> read(Path file) {
        List<HasMetadata> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isEmpty()) {
                    continue; // a comment-only document, e.g. before the first ---
                }
                String kind = document.path("kind").asText();
                Class<? extends HasMetadata> type = KINDS.get(kind);
                if (type == null) {
                    throw new IllegalArgumentException(file + ": kind '" + kind + "' is none of " + KINDS.keySet());
                }
                objects.add(YAML.treeToValue(document, type));
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException(file + ": no Kubernetes object");
        }
        return objects;
    }

    static Map<String, Object> kustomization(Path file) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = YAML.readValue(file.toFile(), Map.class);
            return map;
        } catch (IOException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** The pod templates of the Jobs, CronJobs and Deployments. */
    static List<Workload> workloads(List<Manifest> manifests) {
        List<Workload> workloads = new ArrayList<>();
        for (Manifest m : manifests) {
            PodTemplateSpec template = null;
            if (m.object() instanceof Job job) {
                template = job.getSpec().getTemplate();
            } else if (m.object() instanceof CronJob cron) {
                template = cron.getSpec().getJobTemplate().getSpec().getTemplate();
            } else if (m.object() instanceof Deployment deployment) {
                template = deployment.getSpec().getTemplate();
            }
            if (template != null) {
                workloads.add(new Workload(m.where(), template));
            }
        }
        return workloads;
    }

    static <T extends HasMetadata> T one(List<Manifest> manifests, Class<T> type, String name) {
        return manifests.stream().map(Manifest::object).filter(type::isInstance).map(type::cast)
                .filter(o -> name.equals(o.getMetadata().getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name + " under " + ROOT));
    }

    /** A port given by number or by the name of one of the container's ports. */
    static Integer containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(p -> p.getContainerPort()).findFirst().orElse(null);
    }

    static Container onlyContainer(PodSpec pod) {
        assertThat(pod.getContainers()).hasSize(1);
        return pod.getContainers().get(0);
    }

    /** The volume mounted at {@code path} in the container, or null. */
    static Volume volumeAt(PodSpec pod, Container container, String path) {
        return container.getVolumeMounts().stream().filter(m -> path.equals(m.getMountPath())).map(VolumeMount::getName)
                .flatMap(name -> pod.getVolumes().stream().filter(v -> v.getName().equals(name))).findFirst().orElse(null);
    }

    /** The container's setting when it has one, else the pod's. */
    static <T> T either(T container, T pod) {
        return container != null ? container : pod;
    }

    /**
     * The fields the model did not know, as paths: fabric8 keeps a misspelt or misplaced field
     * (say {@code readOnlyRootFileSystem}) in {@code additionalProperties} instead of failing, and
     * Kubernetes would drop it silently.
     */
    static List<String> unknownFields(Object object) {
        List<String> unknown = new ArrayList<>();
        collectUnknown(object, "", unknown);
        return unknown;
    }

    private static void collectUnknown(Object value, String path, List<String> unknown) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknown(list.get(i), path + "[" + i + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, unknown));
        } else if (value != null && isModel(value.getClass())) {
            for (Method getter : value.getClass().getMethods()) {
                if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get")) {
                    continue;
                }
                Object field = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field).keySet().forEach(k -> unknown.add(path + "." + k));
                } else if (isModel(getter.getReturnType()) || List.class.isAssignableFrom(getter.getReturnType())
                        || Map.class.isAssignableFrom(getter.getReturnType())) {
                    collectUnknown(field, path + "." + decapitalize(getter.getName().substring(3)), unknown);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith("io.fabric8.kubernetes.api.model.");
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + ": " + e, e);
        }
    }

    private static String decapitalize(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
