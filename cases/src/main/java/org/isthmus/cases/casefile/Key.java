package org.isthmus.cases.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one field of a case-file section (a record component): its documentation, default,
 * unit dimension and bounds. The {@link CaseBinder} reads a file by these annotations, the
 * {@link CaseSchema} writes the JSON Schema and {@link CaseReference} the Markdown reference
 * from them, so the three never disagree. The key in the file is the component name in
 * snake_case ({@code checkpointEvery → checkpoint_every}) unless {@link #name()} says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Key {

    /** Marks a field that must be given. */
    String REQUIRED = "\u0000required";
    /** Marks an optional field without a default (absent means "not used"). */
    String OPTIONAL = "\u0000optional";

    /** What the field means (one or two sentences, for the reference and the schema). */
    String doc();

    /** The default as it would be written in a file ({@code "1 fs"}, {@code "10"}), or REQUIRED/OPTIONAL. */
    String defaultValue() default REQUIRED;

    /** The dimension of a {@link Quantity} (or of each element of a list of quantities). */
    Dimension dimension() default Dimension.NONE;

    /** Lower bound of a number or quantity (internal unit); NaN for none. */
    double min() default Double.NaN;

    /** Whether {@link #min()} itself is excluded ({@code > min} rather than {@code ≥ min}). */
    boolean exclusiveMin() default false;

    /** The allowed values of a string field (empty: any string). */
    String[] values() default {};

    /** Whether a string is a file path: resolved against the case file's folder when read. */
    boolean path() default false;

    /** Exact number of elements of a list (0: any number ≥ 1). */
    int size() default 0;

    /** Alternative number of elements of a list (0: none), e.g. 2 or 3 for 2D or 3D sizes. */
    int altSize() default 0;

    /** The key in the file, when it is not the snake_case component name. */
    String name() default "";
}
