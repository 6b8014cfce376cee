package dev.cutover.guide.featureflags;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.cutover.framework.migration.AnomalyCodes;
import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.DemoData;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.framework.migration.MigrationDescriptor;
import dev.cutover.framework.migration.RecordNormalizer;
import dev.cutover.framework.migration.TargetPlanner;
import dev.cutover.framework.migration.TargetValidator;
import dev.cutover.framework.source.RulesApiProtocol;
import dev.cutover.framework.source.SourceProtocol;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The authoring guide's example migration (jobs/README.md): legacy feature flags, one record per
 * (app, environment) read from §4 sources, to one {@code flags} entity per (app, flag). Its job XML is
 * {@code src/test/resources/META-INF/batch-jobs/feature-flags-v2.xml}.
 * <p>
 * It lives in the test tree and exists only in a build with {@code cutover.guide.feature-flags=true}
 * ({@link dev.cutover.guide.GuideProfile}), so that other tests see the migrations of the production
 * build only. A migration in {@code src/main} has no such condition.
 */
@ApplicationScoped
@IfBuildProperty(name = "cutover.guide.feature-flags", stringValue = "true")
public class FeatureFlagsMigration implements MigrationDescriptor<FlagLeaf, FlagBody, FlagTable> {

    public static final String ID = "feature-flags-v2";

    private static final JsonCodec<FlagLeaf> LEAVES = JsonCodec.of(FlagLeaf.class);
    private static final JsonCodec<FlagBody> FLAGS = JsonCodec.of(FlagBody.class);

    private final FlagNormalizer normalizer = new FlagNormalizer();
    private final FlagPlanner planner = new FlagPlanner();
    private final FlagValidator validator = new FlagValidator();
    private final FlagBehavior behavior = new FlagBehavior();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String entityKind() {
        return "flags";
    }

    @Override
    public SourceProtocol sourceProtocol() {
        return RulesApiProtocol.naming("flag");
    }

    @Override
    public JsonCodec<FlagLeaf> leafCodec() {
        return LEAVES;
    }

    @Override
    public JsonCodec<FlagBody> entityCodec() {
        return FLAGS;
    }

    /** The record codes ({@link AnomalyCode}) and the planner's plan anomaly: what {@code --accept} may name. */
    @Override
    public Set<String> anomalyCodes() {
        Set<String> codes = new HashSet<>(AnomalyCodes.namesOf(AnomalyCode.class));
        codes.add(FlagPlanner.CONFLICTING_STATE);
        return codes;
    }

    @Override
    public RecordNormalizer<FlagLeaf> normalizer() {
        return normalizer;
    }

    @Override
    public TargetPlanner<FlagLeaf, FlagBody> planner() {
        return planner;
    }

    @Override
    public TargetValidator<FlagBody> validator() {
        return validator;
    }

    @Override
    public BehaviorModel<FlagLeaf, FlagBody, FlagTable> behavior() {
        return behavior;
    }

    @Override
    public Optional<DemoData> demoData() {
        return Optional.of(FlagSources::start);
    }
}
