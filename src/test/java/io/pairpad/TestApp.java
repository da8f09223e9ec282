package io.pairpad;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.TestCase;

/** Runs a test against a real app on a random port over the shared test database. */
public final class TestApp {
    public static final ObjectMapper JSON = new ObjectMapper();

    private TestApp() {
    }

    public static void run(TestCase test) {
        run(Config.defaults(), test);
    }

    public static void run(Config config, TestCase test) {
        PairpadApp app = new PairpadApp(config.withPort(0), TestDatabase.get());
        JavalinTest.test(app.javalin(), test);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("Not JSON: " + body, e);
        }
    }
}
