package io.pairpad;

import java.util.List;

/** The languages a room may be in, in the order the page lists them. */
public final class Languages {
    public static final List<String> ALL = List.of(
            "python", "javascript", "typescript", "java", "go", "c", "cpp", "csharp",
            "rust", "ruby", "kotlin", "php", "sql", "plaintext");

    public static final String DEFAULT = "plaintext";

    private Languages() {
    }

    public static boolean isSupported(String language) {
        return ALL.contains(language);
    }
}
