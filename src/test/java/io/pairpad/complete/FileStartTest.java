package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file's first line of code has a marker of its own, so the models learn what files start with. */
class FileStartTest {
    static final String LICENSE = "/*\n * Copyright notice.\n */\n\n";

    @Test
    void theFirstLineOfCodeAfterACommentIsMarkedAsTheFileStart() {
        Document d = ReceiverMembersTest.doc("java", LICENSE + "|\nimport java.util.List;\n");
        assertEquals(List.of(ModelStream.NL_FIRST), d.context);
        Document later = ReceiverMembersTest.doc("java", LICENSE + "package a;\n|\n");
        assertEquals(List.of(ModelStream.NL_FIRST, "package", "a", ";", ModelStream.NL), later.context);
    }

    @Test
    void aJavaFileStartsWithItsPackage() {
        Map<String, PriorModel> priors = AutocompleteService.loadPriors();
        Document d = ReceiverMembersTest.doc("java", LICENSE + "|\n\nimport java.util.List;\n\nclass A {\n}\n");
        Predictor.Prediction p = new Predictor(Ranker.load()).predict(d, priors.get(d.spec.prior));
        assertEquals("package", p.ranked.get(0).token);
    }
}
