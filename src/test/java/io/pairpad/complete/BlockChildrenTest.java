package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** At a line start, how the lines of blocks opened like the cursor's begin (LineAnalogs.childFirst). */
class BlockChildrenTest {
    private static LineAnalogs at(String src) {
        return new LineAnalogs(ReceiverMembersTest.doc("python", src));
    }

    @Test
    void inAClassBodyTheLinesOfOtherClassBodiesCount() {
        LineAnalogs a = at("class A:\n    x = 1\n\n    def f(self):\n        return 1\n\n    def g(self):\n"
                + "        if self:\n            return 2\n\n\nclass B:\n    |\n");
        assertEquals(Map.of("x", 1, "def", 2), a.childFirst);
        assertEquals(3, a.children);
    }

    @Test
    void underAnIfTheLinesUnderOtherIfsCount() {
        assertEquals(Map.of("raise", 2, "y", 1), at("def f(x):\n    if x:\n        raise ValueError(x)\n"
                + "    for y in x:\n        if y:\n            raise KeyError(y)\n            y = 1\n"
                + "    if not x:\n        |\n").childFirst);
    }

    @Test
    void atTheTopLevelTheTopLevelLinesCount() {
        assertEquals(Map.of("import", 2, "def", 2),
                at("import os\nimport sys\n\n\ndef f():\n    import re\n\n\n|\n\ndef g():\n    pass\n").childFirst);
    }

    @Test
    void afterTheFirstTokenOfTheLineNothingIsCounted() {
        LineAnalogs a = at("class A:\n    def f(self):\n        pass\n\n    def |\n");
        assertEquals(Map.of(), a.childFirst);
        assertEquals(0, a.children);
    }
}
