package io.pairpad.complete;

/**
 * Runs the completer on made-up code once at start-up, so that the first real requests do
 * not pay for class loading and just-in-time compilation. Bounded in time.
 */
final class Warmup {
    static final long BUDGET_NANOS = 1_500_000_000L;

    private Warmup() {
    }

    static void run(AutocompleteService svc) {
        long t0 = System.nanoTime();
        String[][] samples = {
            {"python", "class Item:\n    def __init__(self, name, size):\n        self.name = name\n        self.size = size\n\n"
                    + "    def describe(self, prefix=''):\n        if self.size > 10:\n            return f\"{prefix}{self.name}\"\n"
                    + "        return self.name.upper()  # short\n\n"},
            {"java", "public class Item {\n    private final String name;\n    private int size;\n\n"
                    + "    public Item(String name, int size) {\n        this.name = name;\n        this.size = size;\n    }\n\n"
                    + "    public String describe() {\n        if (size > 10) {\n            return name.toUpperCase();\n        }\n"
                    + "        return name; // short\n    }\n}\n"},
            {"javascript", "const items = require('./items');\n\nfunction describe(item, prefix = '') {\n"
                    + "  if (item.size > 10) {\n    return `${prefix}${item.name}`;\n  }\n  return item.name.toUpperCase(); // short\n}\n"
                    + "module.exports = { describe };\n"},
        };
        int round = 0;
        while (System.nanoTime() - t0 < BUDGET_NANOS && round < 40) {
            for (String[] s : samples) {
                String code = s[1].repeat(1 + round % 8);
                for (int k = 0; k < 8; k++) {
                    int cur = (int) ((long) code.length() * (k * 131 + round * 17 % 97) / (8 * 131 + 97));
                    svc.complete(code, Math.min(cur, code.length()), s[0]);
                }
            }
            round++;
        }
    }
}
