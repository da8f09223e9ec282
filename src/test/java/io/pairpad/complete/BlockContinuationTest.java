package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * At a Python line start, else/elif/except/finally are told apart by the statement of the sibling line above; a line
 * that opens a block is told by the clause after that block.
 */
class BlockContinuationTest {
    static final LanguageSpec PY = LanguageSpec.of("python");

    @Test
    void afterAnIfBlockElseIsOfferedAsAClauseThatMayFollow() {
        String src = "def f(x):\n    if x:\n        return 1\n    |\n";
        Predictor.Prediction p = new Predictor(new Ranker()).predict(ReceiverMembersTest.doc("python", src), null);
        Candidate e = p.ranked.stream().filter(c -> c.token.equals("else")).findFirst().orElseThrow();
        assertEquals(1.0, e.features[Features.BLOCK_CLAUSE]);
    }

    @Test
    void aClauseTheSiblingLineDoesNotStartMayNotFollow() {
        assertEquals(-1.0, BlockContinuation.of(PY, "if", "except"));
        assertEquals(-1.0, BlockContinuation.of(PY, "return", "else"));
        assertEquals(1.0, BlockContinuation.of(PY, "try", "finally"));
        assertEquals(-1.0, BlockContinuation.of(PY, "try", "else"), "a try's else comes after an except");
        assertEquals(1.0, BlockContinuation.of(PY, "except", "else"));
        assertEquals(0.0, BlockContinuation.of(PY, "if", "return"));
        assertEquals(0.0, BlockContinuation.of(LanguageSpec.of("java"), "if", "else"));
    }

    private static Candidate candidate(String language, String src, String token) {
        Predictor.Prediction p = new Predictor(new Ranker()).predict(ReceiverMembersTest.doc(language, src), null);
        return p.ranked.stream().filter(c -> c.token.equals(token)).findFirst().orElseThrow();
    }

    @Test
    void aLineThatOpensABlockFollowedByExceptIsATry() {
        String src = "def f():\n    |\n        x = g()\n\n    except ValueError:\n        pass\n";
        assertEquals(1.0, candidate("python", src, "try").features[Features.NEXT_CLAUSE]);
        assertEquals(-1.0, candidate("python", src, "if").features[Features.NEXT_CLAUSE]);
    }

    @Test
    void inABraceLanguageTheClauseComesAfterTheClosingBrace() {
        String src = "class A {\n  void f() {\n    |\n      g();\n    } catch (Exception e) {\n    }\n  }\n}\n";
        assertEquals(1.0, candidate("java", src, "try").features[Features.NEXT_CLAUSE]);
        String js = "function f() {\n  |\n    g();\n  } else {\n    h();\n  }\n}\n";
        assertEquals(1.0, candidate("javascript", js, "if").features[Features.NEXT_CLAUSE]);
    }

    @Test
    void aClauseRightAfterTheLineWithoutABlockBetweenSaysNothing() {
        String src = "def f():\n    x = 1\n    |\n    except ValueError:\n        pass\n";
        assertEquals(0.0, candidate("python", src, "if").features[Features.NEXT_CLAUSE]);
    }

    @Test
    void onlyTheStatementsAClauseContinuesMayComeBeforeIt() {
        assertEquals(1.0, BlockContinuation.precedes(PY, "except", "try"));
        assertEquals(1.0, BlockContinuation.precedes(PY, "else", "for"));
        assertEquals(-1.0, BlockContinuation.precedes(PY, "except", "if"));
        assertEquals(0.0, BlockContinuation.precedes(PY, "return", "if"));
        assertEquals(0.0, BlockContinuation.precedes(PY, null, "if"));
        LanguageSpec java = LanguageSpec.of("java");
        assertEquals(1.0, BlockContinuation.precedes(java, "catch", "try"));
        assertEquals(1.0, BlockContinuation.precedes(java, "else", "}"));
        assertEquals(-1.0, BlockContinuation.precedes(java, "catch", "if"));
        assertEquals(List.of("try"), BlockContinuation.before(java, "catch"));
    }

    @Test
    void afterATryBlockOnlyItsClausesMayStartTheLine() {
        String tryBlock = "def reset(item):\n    try:\n        filters.remove(item)\n    |\n";
        Suggestion s = AutocompleteServiceTest.at("python", tryBlock);
        assertEquals(List.of("except", "finally"), s.alternatives().stream().map(Suggestion.Alternative::label).sorted().toList());
        assertEquals(1.0, s.alternatives().stream().mapToDouble(Suggestion.Alternative::confidence).sum(), 1e-6);
        assertEquals("xcept", AutocompleteServiceTest.at("python", tryBlock.replace("|", "e|")).suggestion());
    }

    @Test
    void afterADecoratorComesADefinition() {
        String src = "class A:\n    def f(self):\n        return 1\n\n    @property\n    |\n";
        Suggestion s = AutocompleteServiceTest.at("python", src);
        assertEquals("def", s.alternatives().get(0).label(), s.toString());
        assertTrue(s.suggestion().startsWith("def") && s.confidence() > 0.8, s.toString());
    }

    @Test
    void aClauseTheSiblingLineDoesNotAllowIsNotOffered() {
        String src = "def f(x):\n    y = g(x)\n    el|\n";
        Suggestion s = AutocompleteServiceTest.at("python", src);
        assertTrue(s.alternatives().stream().noneMatch(a -> a.label().equals("else") || a.label().equals("elif")),
                s.toString());
    }
}
