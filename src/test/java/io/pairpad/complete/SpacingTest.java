package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpacingTest {
    static final LanguageSpec JS = LanguageSpec.of("javascript");
    static final LanguageSpec PY = LanguageSpec.of("python");

    @Test
    void controlFlowKeywordsTakeASpaceBeforeAParenthesis() {
        assertTrue(Spacing.spaced("if", "(", JS));
        assertTrue(Spacing.spaced("while", "(", JS));
        assertTrue(Spacing.spaced("return", "(", PY));
        assertTrue(Spacing.spaced("in", "[", PY));
    }

    @Test
    void calledWordsDoNotEvenWhenTheLanguageListsThemAsKeywords() {
        assertFalse(Spacing.spaced("require", "(", JS));
        assertFalse(Spacing.spaced("super", "(", JS));
        assertFalse(Spacing.spaced("print", "(", PY));
        assertFalse(Spacing.spaced("assertEqual", "(", PY));
        assertFalse(Spacing.spaced("items", "[", PY));
    }
}
