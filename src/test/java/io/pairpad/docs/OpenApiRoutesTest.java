package io.pairpad.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.pairpad.Config;
import io.pairpad.PairpadApp;
import io.pairpad.TestApp;
import io.pairpad.TestDatabase;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document names exactly the routes the app registers. */
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Test
    void documentAndRoutesAgree() throws Exception {
        PairpadApp app = new PairpadApp(Config.defaults().withPort(0), TestDatabase.get());
        Set<String> registered = new TreeSet<>();
        for (String route : app.routes()) {
            String method = route.substring(0, route.indexOf(' ')).toLowerCase(Locale.ROOT);
            String path = route.substring(route.indexOf(' ') + 1);
            if (METHODS.contains(method) || method.equals("websocket")) {
                registered.add((method.equals("websocket") ? "get" : method) + " " + path);
            }
        }

        JsonNode paths = TestApp.json(new String(DocsController.resource("/openapi.json"))).get("paths");
        Set<String> documented = new TreeSet<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            paths.get(path).fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method + " " + path);
                }
            });
        }
        assertEquals(documented, registered);
    }
}
