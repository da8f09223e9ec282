package io.pairpad.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Api;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The page in two real browsers (Debian's chromium and chromedriver, headless) against a real
 * server: concurrent typing, cursors, language, reconnect, autocomplete, playback, and the CSP.
 * Without chromium the tests are skipped, except under CI=true, where they must run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageE2ETest {
    private static final Path SHOTS = Path.of(System.getProperty("pairpad.screenshots", "target/screenshots"));

    private int port;
    private PairpadApp app;
    private Api api;
    private Browser ada;
    private Browser bob;

    @BeforeAll
    void start() throws IOException {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!ci) {
            Assumptions.assumeTrue(Browser.available(), "chromium and chromedriver are not installed");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        app = newApp().start();
        api = new Api(port);
        ada = new Browser("Ada");
        bob = new Browser("Bob");
    }

    private PairpadApp newApp() {
        return new PairpadApp(Config.defaults().withPort(port), TestDatabase.get());
    }

    @AfterAll
    void stop() {
        if (ada != null) {
            ada.close();
        }
        if (bob != null) {
            bob.close();
        }
        if (app != null) {
            app.stop();
        }
    }

    @AfterEach
    void noCspViolations() {
        for (Browser b : List.of(ada, bob)) {
            List<String> csp = b.cspMessages();
            assertTrue(csp.isEmpty(), b.name + " reported CSP violations: " + csp);
        }
    }

    private String createRoom(String language, String code) {
        Api.Reply reply = api.post("/api/rooms",
                "{\"language\":\"" + language + "\",\"code\":" + io.pairpad.TestApp.JSON.valueToTree(code) + "}");
        assertEquals(201, reply.status(), reply.body());
        return reply.json().get("roomId").asText();
    }

    private String roomUrl(String roomId, String name) {
        return api.origin() + "/r/" + roomId + "?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private String restCode(String roomId) {
        return api.get("/api/rooms/" + roomId).json().get("code").asText();
    }

    private void waitConverged(String roomId) {
        Browser.waitFor("both editors and the server to hold the same text", Duration.ofSeconds(30), () -> {
            if (!ada.allSynced() || !bob.allSynced()) {
                return false;
            }
            String a = ada.text();
            return a.equals(bob.text()) && a.equals(restCode(roomId));
        });
    }

    @Test
    void concurrentTypingAtRandomPlacesConverges() throws Exception {
        String roomId = createRoom("python", "def main():\n    pass\n");
        ada.open(roomUrl(roomId, "Ada"));
        bob.open(roomUrl(roomId, "Bob"));
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> typeRandomly(ada, 1, Duration.ofSeconds(5)));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> typeRandomly(bob, 2, Duration.ofSeconds(5)));
        int typed = a.get(60, TimeUnit.SECONDS) + b.get(60, TimeUnit.SECONDS);
        waitConverged(roomId);
        assertTrue(typed > 20, "typed " + typed + " keys");
        assertTrue(api.get("/api/rooms/" + roomId).json().get("revision").asLong() > 10);
    }

    private static int typeRandomly(Browser browser, long seed, Duration duration) {
        Random random = new Random(seed);
        String[] chunks = {"a", "bc", "x = 1", " ", "\n", "zz", "q"};
        long end = System.nanoTime() + duration.toNanos();
        int keys = 0;
        while (System.nanoTime() < end) {
            browser.caretAtRandom(random);
            if (random.nextInt(6) == 0) {
                browser.type(Keys.BACK_SPACE);
            } else {
                browser.type(chunks[random.nextInt(chunks.length)]);
            }
            keys++;
        }
        return keys;
    }

    @Test
    void bobSeesAdasCursorLabelMove() {
        String roomId = createRoom("javascript", "const first = 1;\n\nconst second = 2;\n\nconst third = 3;\n\n"
                + "function sum(values) {\n  return values.reduce((a, b) => a + b, 0);\n}\n");
        ada.open(roomUrl(roomId, "Ada"));
        bob.open(roomUrl(roomId, "Bob"));
        ada.caretAt(5);
        Browser.waitFor("Ada's label in Bob's editor", () -> labelOf(bob, "Ada") != null);
        Rectangle before = labelOf(bob, "Ada").getRect();
        ada.caretAt(ada.text().indexOf("third"));
        Browser.waitFor("Ada's label to move down", () -> {
            WebElement label = labelOf(bob, "Ada");
            return label != null && label.getRect().getY() > before.getY() + 20;
        });
        // Bob's own cursor too, for the picture of two cursors.
        bob.caretAt(bob.text().indexOf("second"));
        bob.js("window.pairpad.view.dispatch({selection: {anchor: arguments[0], head: arguments[0] + 6}})",
                bob.text().indexOf("second"));
        Browser.waitFor("Bob's label in Ada's editor", () -> labelOf(ada, "Bob") != null);
        Browser.waitFor("Bob's selection in Ada's editor", () -> !ada.findAll(".cm-remote-selection").isEmpty());
        ada.caretAt(ada.text().length());
        ada.type("console.log(sum([first, second, third]));");
        waitConverged(roomId);
        ada.screenshot(SHOTS.resolve("room-two-cursors.png"));
        // The presence list shows both, with the count.
        assertTrue(ada.find("#users").getText().contains("Bob"), ada.find("#users").getText());
        assertEquals("2 people here", ada.find("#active-users").getText());
    }

    private static WebElement labelOf(Browser browser, String name) {
        return browser.findAll(".cm-remote-label").stream()
                .filter(e -> e.getText().equals(name))
                .findFirst().orElse(null);
    }

    @Test
    void languageChangeReachesBobWithHighlighting() {
        String roomId = createRoom("plaintext", "public class Main {\n    int answer = 42;\n}\n");
        ada.open(roomUrl(roomId, "Ada"));
        bob.open(roomUrl(roomId, "Bob"));
        assertFalse(hasToken(bob, "class"), "plain text is not highlighted");
        new Select(ada.find("#language")).selectByValue("java");
        Browser.waitFor("Bob's language selector to follow", () -> "java".equals(bob.find("#language").getAttribute("value")));
        Browser.waitFor("Bob's editor to highlight Java", () -> hasToken(bob, "class"));
        String keywordColor = (String) bob.js("const s = [...document.querySelectorAll('.cm-line span')]"
                + ".find(x => x.textContent === 'class'); return getComputedStyle(s).color");
        String plainColor = (String) bob.js("return getComputedStyle(document.querySelector('.cm-line')).color");
        assertNotEquals(plainColor, keywordColor, "keywords have their own colour");
        Browser.waitFor("the room's language on the server",
                () -> "java".equals(api.get("/api/rooms/" + roomId).json().get("language").asText()));
    }

    private static boolean hasToken(Browser browser, String text) {
        return Boolean.TRUE.equals(browser.js(
                "return [...document.querySelectorAll('.cm-line span')].some(s => s.textContent === arguments[0])", text));
    }

    @Test
    void nothingTypedIsLostOrDoubledWhenTheServerDropsTheSocket() throws Exception {
        String roomId = createRoom("python", "# start\n");
        ada.open(roomUrl(roomId, "Ada"));
        bob.open(roomUrl(roomId, "Bob"));
        ada.caretAt(ada.text().length());
        String typed = "first_line_before_the_drop_and_more_after_it_0123456789";
        CompletableFuture<Void> typing = CompletableFuture.runAsync(() -> {
            for (char c : typed.toCharArray()) {
                ada.type(String.valueOf(c));
                sleep(40);
            }
        });
        sleep(400);
        // The server goes away (closing every socket) and comes back on the same port and database.
        app.stop();
        sleep(600);
        app = newApp().start();
        typing.get(60, TimeUnit.SECONDS);
        waitConverged(roomId);
        String code = restCode(roomId);
        assertEquals(1, count(code, typed), "typed once, in full: " + code);
        assertEquals("# start\n" + typed, code);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void ghostTextAppearsAndTabInsertsIt() {
        String roomId = createRoom("python", "");
        ada.open(roomUrl(roomId, "Ada"));
        ada.caretAt(0);
        ada.type("total_count = 1\ntotal_count += 2\nvalue = tot");
        Browser.waitFor("ghost text", () -> !ada.findAll(".cm-ghost-text").isEmpty());
        String ghost = ada.find(".cm-ghost-text").getText();
        assertFalse(ghost.isEmpty());
        String before = ada.text();
        ada.type(Keys.TAB);
        Browser.waitFor("the suggestion in the text", () -> ada.text().equals(before + ghost));
        assertTrue(ada.findAll(".cm-ghost-text").isEmpty(), "the ghost is gone once accepted");
        ada.type(" ");
        ada.type(Keys.ESCAPE);
    }

    @Test
    void playbackShowsAnEarlierRevision() {
        String roomId = createRoom("python", "");
        ada.open(roomUrl(roomId, "Ada"));
        ada.caretAt(0);
        for (String line : new String[] {"a = 1\n", "b = 2\n", "c = 3\n", "print(a + b + c)\n"}) {
            ada.type(line);
            Browser.waitFor("the edit to be acknowledged", ada::allSynced);
        }
        long revision = api.get("/api/rooms/" + roomId).json().get("revision").asLong();
        assertTrue(revision >= 4, "revision " + revision);
        ada.find("#history-toggle").click();
        Browser.waitFor("playback at the latest revision",
                () -> ada.find("#playback-info").getText().startsWith("Revision " + revision + " of " + revision));
        WebElement slider = ada.find("#playback-slider");
        slider.sendKeys(Keys.HOME);
        Browser.waitFor("revision 0", () -> ada.find("#playback-info").getText().startsWith("Revision 0 of"));
        assertEquals("", playbackText(ada));
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        Browser.waitFor("revision 2", () -> ada.find("#playback-info").getText().startsWith("Revision 2 of"));
        JsonNode atTwo = api.get("/api/rooms/" + roomId + "/code?revision=2").json();
        assertEquals(atTwo.get("code").asText(), playbackText(ada));
        assertTrue(ada.find("#playback-info").getText().contains("Ada"), ada.find("#playback-info").getText());
        ada.find("#playback-play").click();
        Browser.waitFor("playback to reach the end",
                () -> ada.find("#playback-info").getText().startsWith("Revision " + revision + " of"));
        slider.sendKeys(Keys.HOME);
        slider.sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT);
        ada.screenshot(SHOTS.resolve("playback.png"));
        ada.find("#history-toggle").click();
        assertEquals(restCode(roomId), ada.text(), "the live editor is untouched by playback");
    }

    private static String playbackText(Browser browser) {
        return (String) browser.js("return [...document.querySelectorAll('#playback-editor .cm-line')]"
                + ".map(l => l.textContent).join('\\n')");
    }

    @Test
    void namesAreShownAsTextNeverAsHtml() {
        String roomId = createRoom("plaintext", "");
        String evil = "<img src=x onerror=window.__pwned=1>";
        ada.open(roomUrl(roomId, "Ada"));
        bob.open(roomUrl(roomId, evil));
        Browser.waitFor("Bob in Ada's presence list", () -> ada.find("#users").getText().contains(evil));
        bob.caretAt(0);
        Browser.waitFor("Bob's label", () -> labelOf(ada, evil) != null);
        assertTrue(ada.findAll("#users img, .cm-remote-label img").isEmpty());
        assertEquals(null, ada.js("return window.__pwned === undefined ? null : window.__pwned"));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
