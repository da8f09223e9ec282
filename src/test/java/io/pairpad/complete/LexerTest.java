package io.pairpad.complete;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexerTest {

    /** "kind:text" of the significant tokens. */
    static List<String> sig(String lang, String src) {
        Tokens t = LanguageSpec.of(lang).lexer.lex(src);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            if (!TokenKind.isTrivia(t.kind(i))) {
                out.add(TokenKind.name(t.kind(i)) + ":" + t.text(i));
            }
        }
        return out;
    }

    static List<String> kinds(String lang, String src) {
        Tokens t = LanguageSpec.of(lang).lexer.lex(src);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(TokenKind.name(t.kind(i)) + ":" + t.text(i));
        }
        return out;
    }

    @Test
    void pythonStringsWithPrefixesAndTripleQuotes() {
        assertEquals(List.of("name:x", "op:=", "string:rb'a\\'b'", "op:+", "string:\"\"\"doc\n'still'\n\"\"\""),
                sig("python", "x = rb'a\\'b' + \"\"\"doc\n'still'\n\"\"\""));
        // a name that merely starts with a prefix letter is a name
        assertEquals(List.of("name:bar", "op:(", "string:'x'", "op:)"), sig("python", "bar('x')"));
    }

    @Test
    void pythonFStringFieldsAreCode() {
        List<String> s = sig("python", "f\"a{obj.name!r:>10} b{{c}}\"");
        assertTrue(s.contains("name:obj"), s.toString());
        assertTrue(s.contains("name:name"), s.toString());
        assertFalse(s.contains("name:c"), "doubled braces are literal: " + s);
        assertEquals("string:f\"a{", s.get(0));
    }

    @Test
    void pythonCommentsAndContinuation() {
        List<String> k = kinds("python", "x = 1  # note\ny = \\\n  2\n");
        assertTrue(k.contains("comment:# note"), k.toString());
        assertTrue(k.contains("space:\\\n"), k.toString());
    }

    @Test
    void numbers() {
        assertEquals(List.of("number:0x1F", "op:+", "number:1_000.5e-3", "op:+", "number:3j", "op:+", "number:.5"),
                sig("python", "0x1F + 1_000.5e-3 + 3j + .5"));
        assertEquals(List.of("number:10L", "op:+", "number:1.5f", "op:+", "number:0b1010"),
                sig("java", "10L + 1.5f + 0b1010"));
        assertEquals(List.of("number:1", "op:.", "name:toString"), sig("javascript", "1.toString"));
        assertEquals(List.of("number:123n"), sig("javascript", "123n"));
    }

    @Test
    void indentation() {
        String src = "def f():\n    if x:\n\n        return 1\n    y = 2\n\tz\n";
        Tokens t = LanguageSpec.of("python").lexer.lex(src);
        LineIndex li = LineIndex.of(t);
        assertEquals(0, li.indent[0]);
        assertEquals(4, li.indent[1]);
        assertEquals(-1, li.indent[2], "blank line");
        assertEquals(8, li.indent[3]);
        assertEquals(4, li.indent[4]);
        assertEquals(8, li.indent[5], "a tab is 8 columns");
        List<String> stream = ModelStream.lines(t, li, 0, li.count, -1, null);
        assertEquals(List.of("\n^", "def", "f", "(", ")", ":", "\n+", "if", "x", ":", "\n+", "return", "1",
                "\n-", "y", "=", "2", "\n+", "z"), stream);
    }

    @Test
    void javascriptTemplateLiteralsNest() {
        List<String> s = sig("javascript", "`a ${b + `c ${d}`} e` + f");
        assertEquals(List.of("string:`a ${", "name:b", "op:+", "string:`c ${", "name:d", "string:}`",
                "string:} e`", "op:+", "name:f"), s);
    }

    @Test
    void javascriptRegexAndDivision() {
        assertEquals(List.of("name:x", "op:=", "string:/a\\/b[/]/g", "op:;"), sig("javascript", "x = /a\\/b[/]/g;"));
        assertEquals(List.of("name:a", "op:/", "name:b", "op:/", "name:c"), sig("javascript", "a / b / c"));
        assertEquals(List.of("name:return", "string:/x/"), sig("javascript", "return /x/"));
    }

    @Test
    void javascriptCommentsAndPrivateNames() {
        List<String> k = kinds("javascript", "#!/usr/bin/env node\nthis.#p = 1 // c\n/* b\n */");
        assertTrue(k.contains("comment:#!/usr/bin/env node"), k.toString());
        assertTrue(k.contains("name:#p"), k.toString());
        assertTrue(k.contains("comment:// c"), k.toString());
        assertTrue(k.contains("comment:/* b\n */"), k.toString());
    }

    @Test
    void javaTextBlocksCharsAndComments() {
        List<String> s = sig("java", "String s = \"\"\"\n  a \"q\"\n  \"\"\"; char c = '\\''; /** doc */ int x;");
        assertEquals("string:\"\"\"\n  a \"q\"\n  \"\"\"", s.get(3));
        assertTrue(s.contains("string:'\\''"), s.toString());
        assertFalse(s.toString().contains("doc"), s.toString());
    }

    @Test
    void unterminatedStringsAndCommentsAreMarkedOpen() {
        Tokens t = LanguageSpec.of("java").lexer.lex("x = \"abc\ny /* open");
        int open = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.open(i)) {
                open++;
            }
        }
        assertEquals(2, open);
    }

    @Test
    void genericLexerForOtherLanguages() {
        assertTrue(sig("go", "s := `raw\nstring`").contains("string:`raw\nstring`"));
        assertEquals(List.of("name:fn", "name:f", "op:<", "op:'", "name:a", "op:>"), sig("rust", "fn f<'a>"));
        assertTrue(sig("ruby", "x.empty? # c").contains("name:empty?"));
        assertTrue(sig("php", "$this->x").contains("name:$this"));
        assertTrue(kinds("sql", "SELECT 1 -- c").contains("comment:-- c"));
        assertTrue(sig("csharp", "var p = @\"C:\\x\";").contains("string:@\"C:\\x\""));
    }

    static final String[] SAMPLES = {
        "def f(x):\n    s = f\"a{x!r}b\"  # c\n    t = '''doc\nmore'''\n    return s + t\n",
        "const a = `x ${b + `y ${c}`} z`;\nlet r = /ab+c/g; // note\nfunction g() { return a / 2; }\n",
        "class A {\n  String s = \"\"\"\n  block\n  \"\"\";\n  /* c */ char c = 'x';\n  int f() { return 1; }\n}\n",
    };

    /**
     * Seeded random edits of the samples: re-lexing around the edit gives the tokens and lines
     * (taken over from the earlier text where it did not change) that lexing afresh gives.
     */
    @Test
    void relexingAnEditEqualsLexingAgain() {
        Random random = new Random(7_211_926);
        for (int i = 0; i < 500; i++) {
            int sample = random.nextInt(3);
            int copies = 1 + random.nextInt(40);
            int at = random.nextInt(100_001);
            int cut = random.nextInt(31);
            StringBuilder insert = new StringBuilder();
            for (int n = random.nextInt(13); n > 0; n--) {
                insert.append((char) (' ' + random.nextInt('~' - ' ' + 1)));
            }
            relexedEqualsFresh(sample, copies, at, cut, insert.toString());
        }
    }

    private static void relexedEqualsFresh(int sample, int copies, int at, int cut, String insert) {
        String lang = new String[] {"python", "javascript", "java"}[sample];
        String base = SAMPLES[sample].repeat(copies);
        int a = at % (base.length() + 1);
        int b = Math.min(base.length(), a + cut);
        String edited = base.substring(0, a) + insert + base.substring(b);
        Lexer lx = LanguageSpec.of(lang).lexer;
        Tokens old = lx.lex(base);
        old.lines();
        int p = LexCache.commonPrefix(edited, base);
        int s = LexCache.commonSuffix(edited, base, p);
        Tokens re = lx.relex(edited, old, p, s);
        Tokens fresh = lx.lex(edited);
        assertEquals(kinds(fresh), kinds(re), lang + " edit at " + a);
        assertEquals(lines(LineIndex.of(fresh)), lines(re.lines()), lang + " lines after an edit at " + a);
    }

    static List<String> lines(LineIndex li) {
        List<String> out = new ArrayList<>();
        for (int l = 0; l < li.count; l++) {
            out.add(li.firstTok[l] + "-" + li.endTok[l] + "@" + li.startOff[l] + "-" + li.endOff[l] + " indent "
                    + li.indent[l] + " hash " + li.hash[l]);
        }
        return out;
    }

    static List<String> kinds(Tokens t) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            out.add(t.kind(i) + "@" + t.start(i) + "-" + t.end(i) + (t.open(i) ? "o" : ""));
        }
        return out;
    }

    /** Seeded random texts of any characters: every language's tokens tile the text, in order. */
    @Test
    void tokensCoverTheTextInOrder() {
        Random random = new Random(19_750_101);
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(201); n > 0; n--) {
                text.append((char) random.nextInt(Character.MAX_VALUE + 1));
            }
            tilesTheText(text.toString());
        }
    }

    private static void tilesTheText(String src) {
        for (String lang : io.pairpad.Languages.ALL) {
            Tokens t = LanguageSpec.of(lang).lexer.lex(src);
            int pos = 0;
            for (int i = 0; i < t.size(); i++) {
                assertEquals(pos, t.start(i), lang + " " + src);
                assertTrue(t.end(i) > t.start(i));
                pos = t.end(i);
            }
            assertEquals(src.length(), pos, lang);
        }
    }
}
