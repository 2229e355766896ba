package org.isthmus.cases.casefile;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One field of a case-file section: a record component with its {@link Key} annotation and its
 * key in the file. {@link #of(Class)} lists a section's fields in declaration order.
 *
 * @param name      the key in the file (snake_case)
 * @param component the record component
 * @param key       its annotation
 */
public record Field(String name, RecordComponent component, Key key) {

    /** The fields of a section record, in order. */
    public static List<Field> of(Class<?> section) {
        if (!section.isRecord()) {
            throw new IllegalArgumentException(section + " is not a record");
        }
        List<Field> out = new ArrayList<>();
        for (RecordComponent c : section.getRecordComponents()) {
            Key k = c.getAnnotation(Key.class);
            if (k == null) {
                throw new IllegalStateException(section.getSimpleName() + "." + c.getName() + " has no @Key");
            }
            out.add(new Field(k.name().isEmpty() ? snake(c.getName()) : k.name(), c, k));
        }
        return out;
    }

    /** The keys of a section, in order. */
    public static List<String> names(Class<?> section) {
        return of(section).stream().map(Field::name).toList();
    }

    /** {@code checkpointEvery → checkpoint_every}. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('_').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The declared type, its element type for a list. */
    public Class<?> rawType() {
        return component.getType();
    }

    /** Whether the field is a list. */
    public boolean isList() {
        return List.class.isAssignableFrom(component.getType());
    }

    /** The element type of a list field, or the field type. */
    public Class<?> elementType() {
        if (!isList()) {
            return component.getType();
        }
        Type t = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
        return (Class<?>) t;
    }

    public boolean required() {
        return Key.REQUIRED.equals(key.defaultValue());
    }

    public boolean optional() {
        return Key.OPTIONAL.equals(key.defaultValue());
    }

    /** The default as written in a file, or null for a required or optional field. */
    public String defaultText() {
        return required() || optional() ? null : key.defaultValue();
    }

    /** A short description of what the field takes, for messages and the reference. */
    public String expectation() {
        Class<?> t = elementType();
        String one;
        if (t == Quantity.class) {
            one = Quantity.expectation(key.dimension());
        } else if (t == int.class || t == Integer.class || t == long.class || t == Long.class) {
            one = "an integer";
        } else if (t == double.class || t == Double.class) {
            one = "a number";
        } else if (t == boolean.class || t == Boolean.class) {
            one = "true or false";
        } else if (t == String.class) {
            one = key.values().length > 0 ? "one of " + String.join(", ", key.values())
                    : key.path() ? "a file path" : "a string";
        } else {
            one = "a map (" + t.getSimpleName() + ")";
        }
        String bound = "";
        if (!Double.isNaN(key.min())) {
            String unit = t == Quantity.class ? " " + key.dimension().internalUnit() : "";
            bound = (key.exclusiveMin() ? " > " : " ≥ ") + fmt(key.min()) + unit;
        }
        if (!isList()) {
            return one + bound;
        }
        String n = key.size() > 0 ? (key.altSize() > 0 ? key.altSize() + " or " + key.size() : "" + key.size()) : "";
        return "a list of " + (n.isEmpty() ? "" : n + " ") + "items, each " + one + bound;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%g", v);
    }
}
