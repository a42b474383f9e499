package io.tandem.security;

/**
 * A place a module keeps copies of people's display names, declared as a bean so that an erasure (people/Erasures)
 * blanks every copy in its transaction. {@link Kind#COLUMN}: {@code column} holds the name of the person in
 * {@code personColumn}. {@link Kind#TEXT} and {@link Kind#JSON_TEXT}: {@code column} is text that may mention the name
 * (of anyone, as in an activity's summary), plainly or inside JSON strings; each mention becomes the erased name.
 * {@link Kind#CLEARED}: {@code column} holds other personal data of the person in {@code personColumn}, emptied.
 */
public record NameCopy(String table, String column, String personColumn, Kind kind) {

    public enum Kind { COLUMN, TEXT, JSON_TEXT, CLEARED }

    public static NameCopy column(String table, String personColumn, String nameColumn) {
        return new NameCopy(table, nameColumn, personColumn, Kind.COLUMN);
    }

    public static NameCopy cleared(String table, String personColumn, String column) {
        return new NameCopy(table, column, personColumn, Kind.CLEARED);
    }

    public static NameCopy text(String table, String column) {
        return new NameCopy(table, column, null, Kind.TEXT);
    }

    public static NameCopy jsonText(String table, String column) {
        return new NameCopy(table, column, null, Kind.JSON_TEXT);
    }
}
