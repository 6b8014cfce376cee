package dev.cutover.framework.run;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Generated;
import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The settings of one run as JSON ({@code run_settings}), written by {@link RunSettingsStore}.
 * Immutable once saved: a restart of the run reads the same row.
 */
@Entity
@Immutable
@Table(name = "run_settings")
public class RunSettingsRecord extends PanacheEntityBase {

    /** The {@value RunParameters#SETTINGS} job parameter of the run. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** As {@link RunSettingsStore} writes it. */
    public String settings;

    @Generated
    public Instant createdAt;

    protected RunSettingsRecord() {
    }

    public RunSettingsRecord(String settings) {
        this.settings = settings;
    }
}
