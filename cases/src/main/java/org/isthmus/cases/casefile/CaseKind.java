package org.isthmus.cases.casefile;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of case a case file can describe. Each kind has a section of the same name in
 * {@link CaseFile} and says which common sections it needs: the atomistic kinds (md, relax) a
 * potential and a structure; the kinds that build their own crystal from their section
 * (cohesive, crack, adhesion) a potential only; fe neither.
 */
public enum CaseKind {
    /** Molecular dynamics of a structure (NVE or Langevin NVT). */
    MD("md", MdSection.class, true, true),
    /** Energy minimisation of a structure at fixed cell. */
    RELAX("relax", RelaxSection.class, true, true),
    /** A continuum finite-element solve (no atoms). */
    FE("fe", FeSection.class, false, false),
    /** A cohesive law derived from the potential for a crystal's plane. */
    COHESIVE("cohesive", CohesiveSection.class, true, false),
    /** A mode-I crack under an applied K-field, fully atomistic or coupled to finite elements. */
    CRACK("crack", CrackSection.class, true, false),
    /** Two blocks pulled apart across an interface carried by the derived cohesive law. */
    ADHESION("adhesion", AdhesionSection.class, true, false);

    private final String key;
    private final Class<? extends Record> section;
    private final boolean potential;
    private final boolean structure;

    CaseKind(String key, Class<? extends Record> section, boolean potential, boolean structure) {
        this.key = key;
        this.section = section;
        this.potential = potential;
        this.structure = structure;
    }

    /** The kind's name in a case file and the key of its section. */
    public String key() {
        return key;
    }

    /** The record class of its section. */
    public Class<? extends Record> section() {
        return section;
    }

    /** Whether the kind needs {@code potential}. */
    public boolean potential() {
        return potential;
    }

    /** Whether the kind needs {@code structure} (the others take none). */
    public boolean structure() {
        return structure;
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
