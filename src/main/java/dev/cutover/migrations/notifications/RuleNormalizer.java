package dev.cutover.migrations.notifications;

import java.util.List;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;

import dev.cutover.framework.normalize.RawItem;

/**
 * The normalize step's processor for notification rules: one legacy record (its copies) in, its
 * one lineage outcome out (DESIGN.md §5). Pure, so a restarted chunk decides the same outcome.
 */
@Named
@Dependent
public class RuleNormalizer implements ItemProcessor {

    private final RuleNormalization normalization = new RuleNormalization();

    @Override
    @SuppressWarnings("unchecked")
    public Object processItem(Object record) {
        return normalization.normalize((List<RawItem>) record);
    }
}
