package io.pairpad.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a valid JSON text into a near-valid one: at the level of its fields (dropped, retyped, renamed), of
 * its text (cut, garbled, trailing garbage, duplicate keys, huge numbers, deep nesting) or of its bytes
 * (invalid UTF-8). Each mutation is named, so a failure says what was done.
 */
public final class Mutator {
    private static final String JSON_CHARS = "{}[],:\"\\ 0-e.tnE+";
    private final Random random;

    public Mutator(Random random) {
        this.random = random;
    }

    /** A mutated copy of {@code valid}; {@code label} collects what was done. */
    public String mutate(ObjectNode valid, StringBuilder label) {
        ObjectNode copy = valid.deepCopy();
        int fieldMutations = random.nextInt(3);
        for (int i = 0; i < fieldMutations; i++) {
            mutateField(copy, label);
        }
        String text = copy.toString();
        if (fieldMutations == 0 || random.nextInt(3) == 0) {
            text = mutateText(text, label);
        }
        return text;
    }

    /** Drops, retypes, adds or renames one field. */
    public void mutateField(ObjectNode node, StringBuilder label) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        String name = names.isEmpty() ? "code" : names.get(random.nextInt(names.size()));
        switch (random.nextInt(7)) {
            case 0 -> {
                node.remove(name);
                label.append(" drop:").append(name);
            }
            case 1 -> {
                node.put(name.toUpperCase(), "x");
                node.remove(name);
                label.append(" rename:").append(name);
            }
            case 2 -> {
                node.put("extra" + random.nextInt(3), random.nextInt());
                label.append(" extra-field");
            }
            case 3 -> {
                JsonNode value = node.get(name);
                if (value instanceof ArrayNode array && !array.isEmpty()) {
                    mutateArray(array, label);
                } else {
                    node.put(name, Weird.text(random, random.nextInt(20)));
                    label.append(" string:").append(name);
                }
            }
            case 4 -> {
                node.put(name, random.nextBoolean() ? random.nextLong() : random.nextInt(2000) - 1000);
                label.append(" number:").append(name);
            }
            case 5 -> {
                node.putNull(name);
                label.append(" null:").append(name);
            }
            default -> {
                node.put(name, "x".repeat(random.nextInt(3) == 0 ? 100_000 : 300));
                label.append(" long-string:").append(name);
            }
        }
    }

    private void mutateArray(ArrayNode array, StringBuilder label) {
        int i = random.nextInt(array.size());
        switch (random.nextInt(6)) {
            case 0 -> array.set(i, 0);
            case 1 -> array.set(i, "");
            case 2 -> array.set(i, Integer.MAX_VALUE);
            case 3 -> array.set(i, -Integer.MAX_VALUE);
            case 4 -> array.insert(i, array.get(i).deepCopy());
            default -> array.remove(i);
        }
        label.append(" array-part:").append(i);
    }

    /** Garbles the text of a JSON value. */
    public String mutateText(String text, StringBuilder label) {
        int kind = random.nextInt(14);
        label.append(" text").append(kind);
        return switch (kind) {
            case 0 -> text.substring(0, random.nextInt(text.length() + 1));
            case 1 -> text + Weird.pick(random, new String[] {"}", "]", "x", " {}", ",", "\u0000", " null", "//", "\n1"});
            case 2 -> duplicateKey(text);
            case 3 -> replaceNumber(text);
            case 4 -> wrapDeep(text);
            case 5 -> Weird.pick(random, new String[] {"[]", "\"str\"", "42", "null", "true", "[" + text + "]", ""});
            case 6 -> "\ufeff" + text;
            case 7 -> text.replace('"', '\'');
            case 8 -> replaceValue(text);
            case 9 -> flipChars(text);
            case 10 -> text.replace(":", ": /* c */");
            case 11 -> insertAt(text, Weird.deep(random, 28 + random.nextInt(10)));
            case 12 -> text.replaceFirst("\"([a-zA-Z]+)\":", "$1:");
            default -> text.replaceFirst("\"([^\"\\\\]*)\"(?=[,}\\]])", "\"$1" + java.util.regex.Matcher.quoteReplacement(
                    "\\" + Weird.pick(random, new String[] {"ud83d", "ude00", "u0000", "x", "u12", "\u0001"})) + "\"");
        };
    }

    /** Bytes of a body: valid UTF-8 mostly, with invalid sequences or random bytes sometimes. */
    public byte[] bytes(String text, StringBuilder label) {
        byte[] utf8 = Weird.escapeLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
        switch (random.nextInt(8)) {
            case 0 -> {
                label.append(" bytes:invalid-utf8");
                byte[][] bad = {
                    {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0xed, (byte) 0xa0, (byte) 0xbd},
                    {(byte) 0xe2, (byte) 0x82}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    {(byte) 0x80}, {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                };
                return insertBytes(utf8, bad[random.nextInt(bad.length)]);
            }
            case 1 -> {
                label.append(" bytes:random");
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                return noise;
            }
            case 2 -> {
                label.append(" bytes:utf16");
                return text.getBytes(StandardCharsets.UTF_16);
            }
            default -> {
                return utf8;
            }
        }
    }

    private byte[] insertBytes(byte[] data, byte[] inserted) {
        // Inside a string value when there is one, so the JSON around stays intact.
        int at = data.length == 0 ? 0 : random.nextInt(data.length + 1);
        for (int i = 0; i < data.length; i++) {
            if (data[i] == ':' && i + 2 < data.length && data[i + 1] == '"') {
                at = i + 2;
                break;
            }
        }
        byte[] out = new byte[data.length + inserted.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(data, at, out, at + inserted.length, data.length - at);
        return out;
    }

    private String duplicateKey(String text) {
        int colon = text.indexOf("\":");
        int start = colon < 0 ? -1 : text.lastIndexOf('"', colon - 1);
        if (start < 0 || !text.startsWith("{")) {
            return text;
        }
        String key = text.substring(start, colon + 1);
        return "{" + key + ":" + Weird.value(random) + "," + text.substring(1);
    }

    private String replaceNumber(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return insertAt(text, Weird.number(random));
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + Weird.number(random) + text.substring(span[1]);
    }

    private String replaceValue(String text) {
        int colon = text.indexOf(':', random.nextInt(Math.max(1, text.length())));
        if (colon < 0) {
            colon = text.indexOf(':');
        }
        if (colon < 0) {
            return text;
        }
        int end = colon + 1;
        int depth = 0;
        boolean inString = false;
        for (; end < text.length(); end++) {
            char c = text.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        return text.substring(0, colon + 1) + Weird.value(random) + text.substring(Math.min(end, text.length()));
    }

    private String wrapDeep(String text) {
        int depth = 30 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 10);
        return "[".repeat(depth) + text + "]".repeat(depth);
    }

    private String flipChars(String text) {
        StringBuilder s = new StringBuilder(text);
        for (int n = 1 + random.nextInt(3); n > 0 && s.length() > 0; n--) {
            int i = random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> s.deleteCharAt(i);
                case 1 -> s.insert(i, JSON_CHARS.charAt(random.nextInt(JSON_CHARS.length())));
                default -> s.setCharAt(i, (char) random.nextInt(0x80));
            }
        }
        return s.toString();
    }

    private String insertAt(String text, String inserted) {
        int at = text.indexOf(':');
        return at < 0 ? inserted : text.substring(0, at + 1) + inserted + text.substring(at + 1);
    }
}
