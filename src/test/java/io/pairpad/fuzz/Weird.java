package io.pairpad.fuzz;

import java.util.Random;

/** Values that tend to break parsers and validators: odd numbers, odd strings, deep nesting. */
public final class Weird {
    /** Number tokens as JSON text; several cannot be held by a long, an int or a double. */
    static final String[] NUMBERS = {
        "0", "-0", "1", "-1", "1.5", "-1.5", "1e2", "1E400", "1e400", "-1e400", "1e-400", "0.0", "-0.0",
        "2147483647", "2147483648", "-2147483648", "-2147483649", "4294967296",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1" + "0".repeat(39), "1" + "0".repeat(40), "9".repeat(400),
        "123456789012345678901234567890.5", "1.0", "100000000000000000000e-20", "4.9e-324", "1.7976931348623157e308",
    };

    /** Number-like tokens that are not JSON. */
    static final String[] NOT_NUMBERS = {"NaN", "Infinity", "-Infinity", "+1", "01", "0x10", ".5", "5.", "1e", "--1",
        "1_000", "٣"};

    /** Whole JSON values of the wrong kind for almost any field. */
    static final String[] VALUES = {
        "null", "true", "false", "[]", "{}", "\"\"", "\" \"", "[null]", "[0]", "[\"\"]", "{\"\":null}", "\"null\"",
        "\"0\"", "\"1e400\"", "\"\\u0000\"", "\"\\ud83d\"", "\"\\ude00\"", "\"\\ude00\\ud83d\"", "\"\\ud83d\\ude00\"",
        "\"a\\u0000b\"", "\"\\u202e\"", "\"\\ufeff\"", "\"\\uffff\"", "\"<img src=x onerror=alert(1)>\"",
        "\"' OR 1=1 --\"", "\"%00\"", "\"../../etc/passwd\"", "\"python\"", "\"PYTHON\"", "\"python \"",
        "\"python\\u0000\"", "\"op\"", "\"\\t\"",
    };

    private static final String[] PIECES = {
        "a", "b", "z", " ", "\n", "\r\n", "\t", "é", "中", "😀", "🎉", "{", "}", "\"", "\\", "/", "'", "<", ">", "&",
        "\u0000", "\u0001", "\u001f", "\u007f", "\u2028", "\u2029", "\ufeff", "\ufffd", "\uffff", "\u0301", "\u202e",
        "\ud83d", "\ude00",
    };

    private Weird() {
    }

    /** A string of about {@code length} pieces, among them control characters, surrogate halves and emoji. */
    public static String text(Random random, int length) {
        StringBuilder s = new StringBuilder();
        int weirdness = random.nextInt(4);
        for (int i = 0; i < length; i++) {
            if (weirdness == 0 || random.nextInt(8) >= weirdness) {
                s.append((char) ('a' + random.nextInt(26)));
            } else {
                s.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        return s.toString();
    }

    /** Text that is well-formed UTF-16, with no control characters: what an honest editor types. */
    public static String typed(Random random, int length) {
        String[] alphabet = {"a", "b", "z", " ", "\n", "é", "中", "😀", "{", "}", "\"", "\\"};
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return s.toString();
    }

    public static String number(Random random) {
        return random.nextInt(6) == 0 ? pick(random, NOT_NUMBERS) : pick(random, NUMBERS);
    }

    /** Any JSON value text, or sometimes a token that is not JSON. */
    public static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> number(random);
            case 2 -> deep(random, 20 + random.nextInt(60));
            case 3 -> "\"" + escape(text(random, random.nextInt(30))) + "\"";
            default -> pick(random, VALUES);
        };
    }

    /** Arrays and objects nested {@code depth} deep, around and past the mapper's limit of 32. */
    public static String deep(Random random, int depth) {
        StringBuilder s = new StringBuilder();
        boolean arrays = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "[" : "{\"a\":");
        }
        s.append(random.nextBoolean() ? "1" : "\"x\"");
        for (int i = 0; i < depth; i++) {
            s.append(arrays ? "]" : "}");
        }
        return s.toString();
    }

    /** A JSON string's content for {@code s}, escaping what JSON requires and surrogates as {@code \\uXXXX}. */
    public static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * {@code json} with every lone surrogate written as a {@code \\uXXXX} escape. UTF-8 cannot carry half a
     * character, so this is how one reaches the server; in JSON text it can only stand inside a string.
     */
    public static String escapeLoneSurrogates(String json) {
        StringBuilder out = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < json.length()
                    && Character.isLowSurrogate(json.charAt(i + 1));
            if (pair) {
                out.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
