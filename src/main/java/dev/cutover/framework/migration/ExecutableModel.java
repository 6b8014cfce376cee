package dev.cutover.framework.migration;

/**
 * What a live executor needs to run a migration's executing model, and no more: the migration's id,
 * its codecs and its {@link BehaviorModel}. {@link MigrationDescriptor} extends it; a live executor
 * in a sub-package of its migration depends on a small class implementing this one (which the
 * descriptor delegates to) rather than on the descriptor, which names the executor in turn.
 * <p>
 * Contract: the values never change while the application runs.
 *
 * @param <L> the target leaf
 * @param <E> the target entity
 * @param <M> the executable model
 */
public interface ExecutableModel<L, E, M> {

    /** @return the migration's job id, e.g. {@code notification-rules-v2} */
    String id();

    /** @return how leaves are stored between normalize and plan, and read by the live executor */
    JsonCodec<L> leafCodec();

    /** @return how entities are stored, exported and read by the live executor */
    JsonCodec<E> entityCodec();

    /** @return what a model does: the plan's behavior gate, and the live executor's model */
    BehaviorModel<L, E, M> behavior();
}
