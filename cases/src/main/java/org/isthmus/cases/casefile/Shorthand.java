package org.isthmus.cases.casefile;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a section record: a plain scalar may stand for the whole section, meaning the section with
 * only the named field set ({@code potential: si-sw} is {@code potential: {path: si-sw}}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Shorthand {
    /** The key the scalar is the value of. */
    String value();
}
