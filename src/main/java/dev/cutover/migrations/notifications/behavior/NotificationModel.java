package dev.cutover.migrations.notifications.behavior;

import dev.cutover.framework.migration.BehaviorModel;
import dev.cutover.framework.migration.ExecutableModel;
import dev.cutover.framework.migration.JsonCodec;
import dev.cutover.migrations.notifications.normalize.PolicyLeaf;
import dev.cutover.migrations.notifications.plan.PolicyBody;

/**
 * What the dispatcher needs to execute {@code notification-rules-v2}: its id, the codecs of its leaves
 * and policies, and its {@link NotificationBehavior}. The descriptor delegates to this one, so the
 * dispatcher depends on it rather than on the descriptor (which names the dispatcher).
 */
public final class NotificationModel implements ExecutableModel<PolicyLeaf, PolicyBody, DispatchModel> {

    public static final String ID = "notification-rules-v2";

    public static final NotificationModel INSTANCE = new NotificationModel();

    private static final JsonCodec<PolicyLeaf> LEAVES = JsonCodec.of(PolicyLeaf.class);
    private static final JsonCodec<PolicyBody> POLICIES = JsonCodec.of(PolicyBody.class);

    private final NotificationBehavior behavior = new NotificationBehavior();

    private NotificationModel() {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public JsonCodec<PolicyLeaf> leafCodec() {
        return LEAVES;
    }

    @Override
    public JsonCodec<PolicyBody> entityCodec() {
        return POLICIES;
    }

    @Override
    public BehaviorModel<PolicyLeaf, PolicyBody, DispatchModel> behavior() {
        return behavior;
    }
}
