package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On an import line, the names used below and imported nowhere else are offered, in the block's order. */
class ImportLineTest {
    static final String JAVA = """
            package p;

            import java.util.ArrayList;
            import java.util.|
            import java.util.List;

            class A {
                List<String> a = new ArrayList<>();
                HashMap<String, String> m = new HashMap<>();
                Objects o;
                String s;
            }
            """;

    static Predictor.Prediction at(String lang, String src) {
        return new Predictor(new Ranker()).predict(ReceiverMembersTest.doc(lang, src), null);
    }

    static Candidate find(Predictor.Prediction p, String token) {
        return p.ranked.stream().filter(c -> c.token.equals(token)).findFirst().orElse(null);
    }

    @Test
    void namesUsedBelowAndNotImportedElsewhereAreOffered() {
        Predictor.Prediction p = at("java", JAVA);
        Candidate h = find(p, "HashMap");
        assertNotNull(h, p.ranked.toString());
        assertEquals(1.0, h.features[Features.IMPORT_NEW]);
        Candidate l = find(p, "List");
        assertTrue(l == null || l.features[Features.IMPORT_NEW] == 0, "imported on the next line");
    }

    @Test
    void theCompletedLineSortsBetweenItsNeighbours() {
        ImportLine il = ImportLine.at(ReceiverMembersTest.doc("java", JAVA));
        assertNotNull(il);
        assertEquals(1.0, il.inOrder("HashMap"));
        assertEquals(0.0, il.inOrder("Objects"));
        assertEquals(0.0, il.inOrder("AbstractMap"));
    }

    @Test
    void notOnOtherLines() {
        assertNull(ImportLine.at(ReceiverMembersTest.doc("python", "import os\nx = os.|\n")));
        assertFalse(ImportLine.at(ReceiverMembersTest.doc("python", "import os\nfrom os import |\npath\n")) == null);
    }
}
