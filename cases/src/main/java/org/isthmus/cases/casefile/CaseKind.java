package org.isthmus.cases.casefile;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of case a case file can describe. Each kind has a section of the same name in
 * {@link CaseFile} and says which common sections it needs. The coupled kinds (crack, adhesion,
 * cohesive) join here with their own section records.
 */
public enum CaseKind {
    /** Molecular dynamics of a structure (NVE or Langevin NVT). */
    MD("md", MdSection.class, true),
    /** Energy minimisation of a structure at fixed cell. */
    RELAX("relax", RelaxSection.class, true),
    /** A continuum finite-element solve (no atoms). */
    FE("fe", FeSection.class, false);

    private final String key;
    private final Class<? extends Record> section;
    private final boolean atomistic;

    CaseKind(String key, Class<? extends Record> section, boolean atomistic) {
        this.key = key;
        this.section = section;
        this.atomistic = atomistic;
    }

    /** The kind's name in a case file and the key of its section. */
    public String key() {
        return key;
    }

    /** The record class of its section. */
    public Class<? extends Record> section() {
        return section;
    }

    /** Whether the kind needs {@code potential} and {@code structure}. */
    public boolean atomistic() {
        return atomistic;
    }

    /** Every kind's name. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(CaseKind::key).toList();
    }

    /** The kind named {@code key}. */
    public static CaseKind of(String key) {
        for (CaseKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kind " + key);
    }
}
