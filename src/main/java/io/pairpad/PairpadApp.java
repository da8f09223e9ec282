package io.pairpad;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.json.JavalinJackson;
import io.pairpad.cluster.Bus;
import io.pairpad.cluster.LocalBus;
import io.pairpad.cluster.RedisBus;
import io.pairpad.collab.CollabHub;
import io.pairpad.collab.CollabSocket;
import io.pairpad.collab.IntegrityCheck;
import io.pairpad.complete.AutocompleteController;
import io.pairpad.complete.AutocompleteService;
import io.pairpad.db.Database;
import io.pairpad.docs.DocsController;
import io.pairpad.rooms.HistoryController;
import io.pairpad.rooms.RoomController;
import io.pairpad.rooms.RoomIds;
import io.pairpad.rooms.RoomService;
import io.pairpad.web.AddressRateLimiter;
import io.pairpad.web.ClientAddress;
import io.pairpad.web.ErrorHandlers;
import io.pairpad.web.InlineWebSocketConnector;
import io.pairpad.web.Json;
import io.pairpad.web.JsonErrorHandler;
import io.pairpad.web.OriginPolicy;
import io.pairpad.web.RequestBodies;
import io.pairpad.web.SecurityHeaders;
import io.javalin.http.staticfiles.Location;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the configuration, builds every part by hand, wires the routes, starts and stops the service. */
public final class PairpadApp {
    private static final Logger log = LoggerFactory.getLogger(PairpadApp.class);
    private static final int HTTP_THREADS = 32;

    private final Config config;
    private final QueuedThreadPool threads;
    private final Javalin javalin;
    private final CollabHub hub;
    private final AutocompleteController autocomplete;
    private final List<String> routes = new ArrayList<>();

    public PairpadApp(Config config, Database database) {
        this(config, database, new AutocompleteService());
    }

    public PairpadApp(Config config, Database database, AutocompleteService completer) {
        this.config = config;
        ObjectMapper mapper = Json.mapper(config.limits().maxMessageBytes());
        Jdbi jdbi = Jdbi.create(database.dataSource()).installPlugins();
        RequestBodies bodies = new RequestBodies(config.limits().maxMessageBytes());

        Bus bus = config.redisUrl().<Bus>map(RedisBus::connect).orElseGet(LocalBus::new);
        this.hub = new CollabHub(database.dataSource(), jdbi, mapper, config.limits(), bus);
        RoomService roomService = new RoomService(jdbi, hub, config.limits().maxDocChars());
        HistoryController history = new HistoryController(roomService, hub.history(), mapper);
        // Jetty's default grows to 250 threads under many sockets; past a few per core they only add context
        // switches, stacks for the GC to scan and memory. Handlers block at most on a pooled JDBC connection.
        this.threads = new QueuedThreadPool(HTTP_THREADS, 8, 60_000);
        threads.setName("pairpad-http");
        CollabSocket socket = new CollabSocket(hub, roomService, mapper,
                new OriginPolicy(config.allowedOrigins()), config.limits(), threads);
        ClientAddress clientAddress = new ClientAddress(config.edge().trustProxy());
        RoomController rooms = new RoomController(roomService, mapper, bodies, clientAddress,
                new AddressRateLimiter("room creations", config.limits().roomsPerMinute()));
        this.autocomplete = new AutocompleteController(
                completer, mapper, bodies, config.limits().maxDocChars(), clientAddress,
                new AddressRateLimiter("autocomplete requests", config.edge().autocompletesPerMinute()));
        SecurityHeaders securityHeaders = new SecurityHeaders(config.edge().hstsMaxAgeSeconds(),
                config.edge().trustProxy());
        HealthController health = new HealthController(jdbi, bus);
        DocsController docs = new DocsController();
        PageController page = new PageController();

        this.javalin = Javalin.create(cfg -> {
            configureServer(cfg, mapper);
            cfg.events.serverStopping(hub::shutdown);
            cfg.events.handlerAdded(meta -> routes.add(meta.getHttpMethod() + " " + meta.getPath()));
            cfg.events.wsHandlerAdded(meta -> routes.add(meta.getHandlerType() + " " + meta.getPath()));
            cfg.routes.before(securityHeaders::apply);
            ErrorHandlers.register(cfg.routes);

            cfg.routes.post("/api/rooms", rooms::create);
            cfg.routes.get("/api/rooms/{roomId}", rooms::get);
            cfg.routes.patch("/api/rooms/{roomId}", rooms::update);
            cfg.routes.delete("/api/rooms/{roomId}", rooms::delete);
            cfg.routes.get("/api/rooms/{roomId}/history", history::history);
            cfg.routes.get("/api/rooms/{roomId}/code", history::code);
            cfg.routes.get("/api/languages", ctx -> ctx.json(Map.of("languages", Languages.ALL)));
            cfg.routes.post("/api/autocomplete", autocomplete::complete);
            cfg.routes.get("/health", health::health);
            cfg.routes.get("/openapi.json", docs::openApi);
            cfg.routes.get("/docs", docs::swaggerUi);
            cfg.routes.get("/", page::page);
            cfg.routes.get("/demo.html", page::page);
            cfg.routes.get("/r/{roomId}", page::page);
            cfg.routes.wsBeforeUpgrade("/ws/{roomId}", socket::checkOrigin);
            cfg.routes.ws("/ws/{roomId}", socket::configure);
        });
    }

    private void configureServer(JavalinConfig cfg, ObjectMapper mapper) {
        cfg.jsonMapper(new JavalinJackson(mapper, false));
        cfg.startup.showJavalinBanner = false;
        cfg.jetty.threadPool = threads;
        cfg.jetty.addConnector((server, http) -> {
            InlineWebSocketConnector connector = new InlineWebSocketConnector(server, http);
            connector.setHost(cfg.jetty.host);
            connector.setPort(cfg.jetty.port);
            return connector;
        });
        cfg.http.maxRequestSize = config.limits().maxMessageBytes();
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyWebSocketServletFactory(ws -> {
            // Jetty's own cap sits above the protocol's limit, so that an oversized message is still read
            // and answered with close code 4413 rather than cut off with Jetty's 1009.
            ws.setMaxTextMessageSize(2L * config.limits().maxMessageBytes());
            ws.setIdleTimeout(Duration.ofMinutes(2));
            // Jetty starts a string builder of this size for every incoming text message: at its default of
            // 4 KB that was a third of all allocation under typing load, and a young collection every 7 s
            // instead of every 12 s (bench/RESULTS-load.md). Edits are a few dozen bytes; a larger message
            // is read in more pieces.
            ws.setInputBufferSize(512);
            // Browsers offer permessage-deflate; pairpad declines it. Its messages are a few dozen bytes,
            // which compression does not shrink, and every connection that took it kept a compressor of its
            // own: 160 KB of memory per idle connection against 40 KB without (bench/RESULTS-load.md).
            ws.getAvailableExtensionNames().remove("permessage-deflate");
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/public";
            files.location = Location.CLASSPATH;
        });
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/docs";
            files.directory = "/docs";
            files.location = Location.CLASSPATH;
        });
        cfg.staticFiles.enableWebjars();
        if (!config.allowedOrigins().isEmpty()) {
            cfg.bundledPlugins.enableCors(cors -> cors.addRule(rule -> {
                List<String> origins = config.allowedOrigins();
                rule.allowHost(origins.get(0), origins.subList(1, origins.size()).toArray(String[]::new));
                rule.exposeHeader("Location");
                rule.exposeHeader("Retry-After");
            }));
        }
        cfg.requestLogger.http((ctx, ms) -> log.info("{} {} {} {}ms",
                ctx.method(), RoomIds.redact(ctx.path()), ctx.statusCode(), Math.round(ms)));
    }

    public Javalin javalin() {
        return javalin;
    }

    /** The routes as registered ("GET /health", "WEBSOCKET /ws/{roomId}"), for checking the API docs. */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    public PairpadApp start() {
        javalin.start(config.port());
        autocomplete.warmUp();
        return this;
    }

    /** Commits pending ops, closes every WebSocket with 1001 (as the server starts stopping), then stops. */
    public void stop() {
        javalin.stop();
    }

    /** {@code java -jar pairpad.jar verify}: replays every room's op log against its stored texts. */
    private static int verify(Database database) {
        IntegrityCheck.Report report = new IntegrityCheck(Jdbi.create(database.dataSource()).installPlugins(),
                Json.mapper(Config.Limits.defaults().maxMessageBytes())).run();
        report.problems().forEach(problem -> System.out.println("MISMATCH " + problem));
        System.out.println("verify: " + report.rooms() + " rooms, " + report.ops() + " ops replayed, "
                + report.problems().size() + " problems");
        try {
            database.close();
        } catch (Exception e) {
            log.warn("Closing the database failed: {}", e.getMessage());
        }
        return report.ok() ? 0 : 1;
    }

    public static void main(String[] args) {
        Config config;
        try {
            config = Config.fromEnv(System.getenv());
        } catch (ConfigException e) {
            System.err.println("pairpad: " + e.getMessage());
            System.exit(2);
            return;
        }
        // The autocomplete model loads on its own thread while PostgreSQL starts.
        CompletableFuture<AutocompleteService> completer = CompletableFuture.supplyAsync(AutocompleteService::new);
        Database database;
        try {
            database = Database.open(config);
        } catch (Exception e) {
            log.error("pairpad: cannot open the database: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(verify(database));
        }
        PairpadApp app = new PairpadApp(config, database, completer.join());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Shutting down");
            app.stop();
            try {
                database.close();
            } catch (Exception e) {
                log.warn("Closing the database failed: {}", e.getMessage());
            }
        }, "pairpad-shutdown"));
        app.start();
        log.info("pairpad listening on http://localhost:{}/", app.javalin().port());
    }
}
