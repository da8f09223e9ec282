package io.pairpad.complete;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Block starters whose next tokens are near certain, matched on the cursor line as typed:
 * {@code if __name__ == "__main__":}, {@code for (int i = 0; i < n; i++) {},
 * {@code if err != nil {}. A snippet's text may refer to the pattern's groups ({1}, {2}).
 */
final class Snippets {
    record Snippet(Pattern line, String insert, boolean wholeLinePrefix) {
    }

    /** Confidence a matching snippet is given before calibration. */
    static final double RAW = 0.9;

    private static final String C_FOR = "^\\s*for \\((?:int|size_t|long|let|var|auto) (\\w+) = 0; $";
    private static final String C_FOR_COND = "^\\s*for \\((?:int|size_t|long|let|var|auto) (\\w+) = 0; \\1 [<>]=? [^;]+; $";
    private static final String C_FOR_VAR = "^\\s*for \\((?:int|let) (i|j|k)$";

    private static final Map<String, List<Snippet>> BY_LANGUAGE = Map.of(
            "python", List.of(
                    prefixOf("if __name__ == \"__main__\":", 5),
                    prefixOf("def __init__(self", 7)),
            "java", List.of(
                    re(C_FOR, "{1} < "), re(C_FOR_COND, "{1}++) {"), re(C_FOR_VAR, " = 0; {1} < "),
                    re("^\\s*public static void main\\($", "String[] args) {")),
            "javascript", cFamily(),
            "typescript", cFamily(),
            "c", cFamily(),
            "cpp", cFamily(),
            "csharp", cFamily(),
            "kotlin", List.of(re("^\\s*fun main\\($", ") {")),
            "go", List.of(re("^\\s*if err$", " != nil {"), re("^\\s*if err != $", "nil {"),
                    re("^\\s*func main\\($", ") {")),
            "rust", List.of(re("^\\s*fn main\\($", ") {")));

    private Snippets() {
    }

    private static List<Snippet> cFamily() {
        return List.of(re(C_FOR, "{1} < "), re(C_FOR_COND, "{1}++) {"), re(C_FOR_VAR, " = 0; {1} < "));
    }

    private static Snippet re(String pattern, String insert) {
        return new Snippet(Pattern.compile(pattern), insert, false);
    }

    /** A line that, once its first minTyped characters are typed, is completed to text. */
    private static Snippet prefixOf(String text, int minTyped) {
        return new Snippet(Pattern.compile(Pattern.quote(text.substring(0, minTyped))), text, true);
    }

    /** The text a snippet would insert at the cursor, or null. */
    static String match(Document d) {
        List<Snippet> list = BY_LANGUAGE.get(d.spec.name);
        if (list == null) {
            return null;
        }
        int ls = d.lines.startOff[d.curLine];
        String line = d.code.substring(ls, d.cursor);
        if (line.length() > 200) {
            return null;
        }
        String typed = line.stripLeading();
        for (Snippet s : list) {
            if (s.wholeLinePrefix()) {
                String full = s.insert();
                if (typed.length() >= s.line().pattern().length() - 4 && typed.length() < full.length()
                        && full.startsWith(typed) && s.line().matcher(typed).lookingAt()) {
                    if (full.startsWith("if __name__") && line.length() != typed.length()) {
                        continue; // only at the top level
                    }
                    return quotes(d, full.substring(typed.length()));
                }
                continue;
            }
            Matcher m = s.line().matcher(line);
            if (m.find()) {
                String out = s.insert();
                for (int g = 1; g <= m.groupCount(); g++) {
                    out = out.replace("{" + g + "}", m.group(g));
                }
                return out;
            }
        }
        return null;
    }

    /** Uses the document's usual string quote. */
    private static String quotes(Document d, String s) {
        if (s.indexOf('"') < 0) {
            return s;
        }
        int single = 0;
        int dbl = 0;
        Tokens t = d.tokens;
        for (int i = 0; i < t.size() && i < 20000; i++) {
            if (t.kind(i) == TokenKind.STRING) {
                char c = t.firstChar(i);
                if (c == '\'') {
                    single++;
                } else if (c == '"') {
                    dbl++;
                }
            }
        }
        return single > dbl ? s.replace('"', '\'') : s;
    }
}
