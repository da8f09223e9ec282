package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every candidate of a request carries the document's length, which grows with the document. */
class DocumentLengthFeatureTest {

    static double[] lengths(String src) {
        Predictor.Prediction p = FirstUseTest.at(src);
        assertFalse(p.ranked.isEmpty());
        return p.ranked.stream().mapToDouble(c -> c.features[Features.LOG_DOC_TOKENS]).distinct().toArray();
    }

    @Test
    void theSameForEveryCandidateAndLargerInALongerDocument() {
        String pad = "def compute_total(items):\n    return sum(items)\n\nresult = comp|\n";
        double[] small = lengths(pad);
        assertEquals(1, small.length);
        assertTrue(small[0] > 0);
        double[] large = lengths("x = 1\n".repeat(500) + pad);
        assertEquals(1, large.length);
        assertTrue(large[0] > small[0] + 3, large[0] + " against " + small[0]);
    }
}
