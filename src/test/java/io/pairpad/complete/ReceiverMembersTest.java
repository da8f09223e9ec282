package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a member access, the members of the receiver's class are offered when the document declares it. */
class ReceiverMembersTest {

    static Document doc(String lang, String src) {
        int cur = src.indexOf('|');
        String code = src.substring(0, cur) + src.substring(cur + 1);
        return new Document(LanguageSpec.of(lang), code, cur, new ChunkCache(100_000));
    }

    static Map<String, Integer> members(String lang, String src) {
        return ReceiverMembers.of(doc(lang, src));
    }

    @Test
    void pythonSelfHasTheMethodsAndAttributesOfTheEnclosingClass() {
        String src = """
                class Base:
                    def inherited(self):
                        pass

                class Counter(Base):
                    limit = 10

                    def __init__(self, start):
                        self.value = start

                    def step(self):
                        return self.|

                    def reset(self):
                        self.total = 0
                """;
        Map<String, Integer> m = members("python", src);
        assertEquals(ClassIndex.METHOD, m.get("reset"));
        assertEquals(ClassIndex.METHOD, m.get("inherited"));
        assertEquals(ClassIndex.FIELD, m.get("value"));
        assertEquals(ClassIndex.FIELD, m.get("total"));
        assertEquals(ClassIndex.FIELD, m.get("limit"));
    }

    @Test
    void aPythonVariableMadeFromADeclaredClass() {
        String src = """
                class Point:
                    def norm(self):
                        return 0

                p = Point(1, 2)
                p.|
                """;
        assertEquals(ClassIndex.METHOD, members("python", src).get("norm"));
        assertTrue(members("python", "import os\nos.|\n").isEmpty());
    }

    @Test
    void javaThisAndATypedVariable() {
        String src = """
                class Account {
                    private long balance;
                    private final String owner = "x";

                    long deposit(long amount) {
                        return balance += amount;
                    }

                    void copy(Account other) {
                        this.|
                    }
                }
                """;
        Map<String, Integer> m = members("java", src);
        assertEquals(ClassIndex.FIELD, m.get("balance"));
        assertEquals(ClassIndex.FIELD, m.get("owner"));
        assertEquals(ClassIndex.METHOD, m.get("deposit"));
        assertTrue(!m.containsKey("amount") && !m.containsKey("long"), m.toString());
        String typed = src.replace("this.|", "other.|");
        assertEquals(ClassIndex.METHOD, members("java", typed).get("copy"));
    }

    @Test
    void javaEnumConstants() {
        String src = "enum Color { RED, GREEN(2), BLUE; int v; }\nclass A { Object c = Color.| }\n";
        Map<String, Integer> m = members("java", src);
        assertTrue(m.containsKey("RED") && m.containsKey("GREEN") && m.containsKey("BLUE"), m.toString());
    }

    @Test
    void javascriptClassMethodsAndThisAssignments() {
        String src = """
                class Queue {
                  constructor () {
                    this.items = []
                  }
                  push (x) {
                    this.|
                  }
                  get size () { return this.items.length }
                }
                """;
        Map<String, Integer> m = members("javascript", src);
        assertEquals(ClassIndex.FIELD, m.get("items"));
        assertEquals(ClassIndex.METHOD, m.get("push"));
        assertEquals(ClassIndex.METHOD, m.get("size"));
    }

    @Test
    void anUnusedMemberIsACandidateAfterSelf() {
        String src = """
                class Wave:
                    def setnframes(self, n):
                        self._n = n

                    def setparams(self, n):
                        self.|
                """;
        Predictor.Prediction p = new Predictor(new Ranker()).predict(doc("python", src), null);
        Candidate c = p.ranked.stream().filter(x -> x.token.equals("setnframes")).findFirst().orElse(null);
        assertNotNull(c, p.ranked.toString());
        assertEquals(1.0, c.features[Features.RECV_MEMBER]);
        assertEquals("method", c.kind);
    }
}
