package io.pairpad.complete;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the completer knows about one language without reading any document: its lexer,
 * keywords, builtins (common library names), whether keywords ignore case, and which
 * shipped prior it uses. Immutable; one shared instance per language.
 */
final class LanguageSpec {
    final String name;
    final Lexer lexer;
    /** Keywords in rough order of frequency (earlier = more common). */
    final List<String> keywords;
    final List<String> builtins;
    final Set<String> keywordSet;
    final Set<String> builtinSet;
    final boolean caseInsensitive;
    /** Name of the shipped prior to use, or null. */
    final String prior;
    /** Blocks are delimited by indentation (Python) rather than braces. */
    final boolean indentBlocks;
    /** Words that, before a parenthesis, start a function whose parameters follow. */
    final Set<String> functionWords;

    private LanguageSpec(String name, Lexer lexer, String keywords, String builtins, boolean caseInsensitive,
                         String prior, boolean indentBlocks, String functionWords) {
        this.name = name;
        this.lexer = lexer;
        this.keywords = words(keywords);
        this.builtins = words(builtins);
        this.caseInsensitive = caseInsensitive;
        this.prior = prior;
        this.indentBlocks = indentBlocks;
        this.functionWords = Set.copyOf(words(functionWords));
        Set<String> k = new LinkedHashSet<>();
        Set<String> b = new LinkedHashSet<>();
        for (String w : this.keywords) {
            k.add(caseInsensitive ? w.toLowerCase(Locale.ROOT) : w);
        }
        for (String w : this.builtins) {
            b.add(caseInsensitive ? w.toLowerCase(Locale.ROOT) : w);
        }
        this.keywordSet = Collections.unmodifiableSet(k);
        this.builtinSet = Collections.unmodifiableSet(b);
    }

    boolean isKeyword(String w) {
        return keywordSet.contains(caseInsensitive ? w.toLowerCase(Locale.ROOT) : w);
    }

    boolean isBuiltin(String w) {
        return builtinSet.contains(caseInsensitive ? w.toLowerCase(Locale.ROOT) : w);
    }

    private static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        for (String w : s.trim().split("\\s+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return List.copyOf(out);
    }

    private static final Map<String, LanguageSpec> ALL = new HashMap<>();

    /** The spec of a language of io.pairpad.Languages; plaintext for anything else. */
    static LanguageSpec of(String language) {
        LanguageSpec s = language == null ? null : ALL.get(language);
        return s != null ? s : ALL.get("plaintext");
    }

    private static void add(LanguageSpec s) {
        ALL.put(s.name, s);
    }

    private static GenericLexer generic(List<String> lineComments, String blockOpen, String blockClose, String quotes,
                                        String multiline, boolean charLiterals, boolean triple, String nameStart,
                                        String nameEnd, boolean raw) {
        return new GenericLexer(new GenericLexer.Config(lineComments, blockOpen, blockClose, quotes, multiline,
                charLiterals, triple, nameStart, nameEnd, raw));
    }

    private static final String C_KEYWORDS = """
            if return int for else while void char const static struct unsigned sizeof break case
            include define endif ifdef ifndef long double float switch default continue do enum typedef
            extern short signed union volatile goto auto register inline restrict""";

    static {
        add(new LanguageSpec("python", new PythonLexer(), """
                self if def return in None for import not is and else from True False elif raise
                with as class try except or pass while lambda yield break continue assert finally
                del global nonlocal async await match case""", """
                len isinstance str int list dict print range set tuple super object type getattr
                hasattr setattr open sorted enumerate zip min max sum any all map filter repr bool
                float bytes iter next id hash abs round format callable vars dir frozenset bytearray
                reversed property staticmethod classmethod ord chr hex divmod issubclass memoryview
                slice input exec eval compile globals locals cls __name__ __init__ __class__ __dict__
                NotImplemented Ellipsis Exception BaseException ValueError TypeError KeyError
                IndexError AttributeError RuntimeError NotImplementedError OSError StopIteration
                ImportError NameError ZeroDivisionError AssertionError LookupError UnicodeError
                FileNotFoundError PermissionError TimeoutError KeyboardInterrupt SystemExit
                DeprecationWarning UserWarning EOFError OverflowError""", false, "python", true,
                "def lambda"));
        add(new LanguageSpec("java", new JavaLexer(), """
                public return this new if private final static int null void import else class
                throw boolean for true false case protected long try catch break byte char while
                extends implements interface instanceof super throws synchronized double float short
                switch default do continue finally abstract native transient volatile enum assert
                package var record yield sealed permits non-sealed strictfp goto const""", """
                String Object System Integer Long Double Float Boolean Character Byte Short Math
                StringBuilder List ArrayList Map HashMap Set HashSet LinkedList Collections Arrays
                Objects Optional Iterator Iterable Comparable Comparator Runnable Thread Class Void
                Number CharSequence Throwable Exception Error RuntimeException IOException
                IllegalArgumentException IllegalStateException NullPointerException
                UnsupportedOperationException IndexOutOfBoundsException ClassCastException
                Override Deprecated SuppressWarnings FunctionalInterface SafeVarargs out err println
                length size get put add equals hashCode toString valueOf""", false, "java", false, ""));
        String jsKeywords = """
                this const return function if var let new true null false else require await async
                for typeof of in throw undefined class export import default try catch break case
                switch while static extends super instanceof delete continue do finally yield void
                debugger with get set from""";
        String jsBuiltins = """
                module exports console log Object Array String Number Boolean Symbol Promise JSON
                Math Date Error TypeError RangeError SyntaxError RegExp Map Set WeakMap WeakSet
                process Buffer setTimeout clearTimeout setInterval clearInterval setImmediate parseInt
                parseFloat isNaN NaN Infinity globalThis window document arguments length prototype
                constructor then resolve reject push forEach map filter reduce keys values entries
                assign join split slice indexOf includes toString""";
        add(new LanguageSpec("javascript", new JsLexer(), jsKeywords, jsBuiltins, false, "javascript", false,
                "function"));
        add(new LanguageSpec("typescript", new JsLexer(), jsKeywords + """
                 type interface string number boolean any readonly private public protected as enum
                implements keyof unknown never namespace declare abstract is infer satisfies
                override module""", jsBuiltins + " Record Partial Readonly Pick Omit Promise Array",
                false, "javascript", false, "function"));
        add(new LanguageSpec("go", generic(List.of("//"), "/*", "*/", "\"'`", "`", true, false, "", "", false), """
                err nil return if func for range var type struct string int package import else
                case break continue switch default go defer chan map interface const select
                fallthrough goto""", """
                fmt Println Printf Sprintf Errorf error len make append true false ctx context new
                panic cap close copy delete recover print println bool byte rune int8 int16 int32
                int64 uint uint8 uint16 uint32 uint64 uintptr float32 float64 complex64 complex128
                any iota strings errors time os io""", false, null, false, "func"));
        add(new LanguageSpec("c", generic(List.of("//"), "/*", "*/", "\"'", "", true, false, "", "", false),
                C_KEYWORDS + " _Bool _Static_assert", """
                NULL printf fprintf sprintf snprintf scanf malloc calloc realloc free memcpy memset
                memcmp memmove strlen strcmp strncmp strcpy strncpy strcat strchr size_t ssize_t
                stdin stdout stderr FILE fopen fclose fread fwrite fgets fputs exit main argc argv
                uint8_t uint16_t uint32_t uint64_t int8_t int16_t int32_t int64_t bool true false EOF
                assert errno""", false, null, false, ""));
        add(new LanguageSpec("cpp", generic(List.of("//"), "/*", "*/", "\"'", "", true, false, "", "", true),
                C_KEYWORDS + """
                 std auto class this public private protected namespace template typename virtual
                override const_cast static_cast dynamic_cast reinterpret_cast nullptr using new
                delete true false bool try catch throw operator friend explicit mutable noexcept
                constexpr decltype final static_assert alignas alignof thread_local typeid
                consteval constinit concept requires co_await co_return co_yield""", """
                cout cin cerr endl string vector map unordered_map set unordered_set pair tuple
                unique_ptr shared_ptr weak_ptr make_unique make_shared move forward size_t begin end
                size push_back emplace_back empty printf NULL optional array deque function
                runtime_error exception""", false, null, false, ""));
        add(new LanguageSpec("csharp", generic(List.of("//"), "/*", "*/", "\"'", "", true, true, "@", "", true), """
                public return var new if this private string using null static void get set int
                class else true false await async foreach in readonly throw bool namespace override
                protected internal for case break try catch switch while is as out ref base default
                value typeof struct interface enum abstract sealed virtual const object decimal
                double float long short byte char uint ulong ushort sbyte finally do continue lock
                params operator implicit explicit event delegate checked unchecked unsafe fixed
                sizeof stackalloc goto volatile extern yield record init where nameof dynamic""", """
                Console WriteLine Write String List Dictionary Task Exception ArgumentNullException
                ArgumentException InvalidOperationException NotImplementedException Math DateTime
                TimeSpan Guid IEnumerable Enumerable Func Action Select Where ToList Count Length Add
                Contains Any First FirstOrDefault ToString Equals GetHashCode""", false, null, false, ""));
        add(new LanguageSpec("rust", generic(List.of("//"), "/*", "*/", "\"'", "\"", true, false, "", "!", true), """
                let fn self mut pub use if return impl match else for in struct Self as enum mod
                where trait const static ref loop while break continue crate super type unsafe
                extern move dyn async await true false""", """
                Some None Ok Err Option Result Vec String Box Rc Arc RefCell Cell HashMap HashSet
                BTreeMap println! format! vec! panic! assert! assert_eq! unwrap expect clone into
                iter collect map len push new default Default Clone Debug Copy PartialEq Eq Hash
                derive usize isize u8 u16 u32 u64 i8 i16 i32 i64 f32 f64 bool char str std fmt
                to_string as_str as_ref""", false, null, false, "fn"));
        add(new LanguageSpec("ruby", generic(List.of("#"), "=begin", "=end", "\"'`", "\"'`", false, false, "@$:", "?!", false), """
                end def if self return do else nil true false unless elsif require class module
                when case then in and or not while until begin rescue ensure raise yield super next
                break redo retry alias defined? undef for BEGIN END __method__""", """
                puts print p require_relative attr_accessor attr_reader attr_writer include extend
                new initialize each map select reject to_s to_i to_sym length size empty? nil?
                lambda proc private protected public Array Hash String Integer Float Symbol
                StandardError ArgumentError RuntimeError NoMethodError freeze merge each_with_index
                inject""", false, null, false, "def"));
        add(new LanguageSpec("kotlin", generic(List.of("//"), "/*", "*/", "\"'", "", true, true, "", "", false), """
                val fun return if override private null else this var import class true false is
                in when for it object data companion internal open suspend lateinit const package
                interface as throw try catch finally while do break continue super typealias
                abstract enum sealed inline reified vararg by get set init constructor where
                public protected operator infix tailrec annotation external crossinline noinline
                actual expect out""", """
                String Int Long Double Float Boolean Char Byte Short Unit Any Nothing List
                MutableList Map MutableMap Set MutableSet Array listOf mutableListOf mapOf
                mutableMapOf setOf mutableSetOf arrayOf emptyList emptyMap println print require
                check error let apply also run with lazy to Pair Exception IllegalArgumentException
                IllegalStateException""", false, null, false, "fun"));
        add(new LanguageSpec("php", generic(List.of("//", "#"), "/*", "*/", "\"'`", "\"'`", false, false, "$", "", false), """
                $this function return if public array new null else private static foreach as
                echo true false use class protected isset self namespace elseif throw try catch
                extends implements interface abstract final const case break switch default while
                for do continue empty unset require require_once include include_once global
                instanceof trait parent fn match yield clone list print readonly enum and or xor
                declare goto finally insteadof callable""", """
                count strlen str_replace array_map array_filter array_keys array_values array_merge
                in_array explode implode sprintf printf json_encode json_decode is_array is_string
                is_null is_numeric intval var_dump print_r substr strpos trim strtolower strtoupper
                array_key_exists Exception InvalidArgumentException RuntimeException __construct
                __DIR__ __CLASS__ PHP_EOL""", false, null, false, "function fn"));
        add(new LanguageSpec("sql", generic(List.of("--"), "/*", "*/", "'\"`", "'", false, false, "@", "", false), """
                SELECT FROM WHERE AND AS ON JOIN IN NOT NULL OR BY INSERT INTO VALUES UPDATE SET
                DELETE CREATE TABLE LEFT ORDER GROUP IS PRIMARY KEY INNER DISTINCT LIMIT CASE WHEN
                THEN ELSE END DEFAULT UNIQUE REFERENCES FOREIGN INDEX DROP ALTER ADD COLUMN RIGHT
                OUTER FULL CROSS HAVING OFFSET UNION ALL EXISTS BETWEEN LIKE ILIKE ASC DESC CHECK
                CONSTRAINT VIEW WITH RETURNING BEGIN COMMIT ROLLBACK TRANSACTION IF REPLACE TRUNCATE
                GRANT REVOKE CASCADE SCHEMA TRIGGER FUNCTION PROCEDURE DECLARE RETURNS LANGUAGE
                USING OVER PARTITION WINDOW ROWS RANGE FETCH FIRST NEXT ONLY TRUE FALSE""", """
                COUNT SUM AVG MIN MAX COALESCE NULLIF CAST NOW CURRENT_TIMESTAMP CURRENT_DATE
                INTEGER INT BIGINT SMALLINT TEXT VARCHAR CHAR BOOLEAN DATE TIMESTAMP TIMESTAMPTZ
                NUMERIC DECIMAL SERIAL BIGSERIAL REAL FLOAT DOUBLE PRECISION UUID JSON JSONB LOWER
                UPPER LENGTH SUBSTRING TRIM ROUND ROW_NUMBER RANK EXTRACT INTERVAL""", true, null, false, ""));
        add(new LanguageSpec("plaintext", generic(List.of(), null, null, "", "", false, false, "", "", false),
                "", "", false, null, false, ""));
    }
}
