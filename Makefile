# pairpad: `make run` starts the service on the embedded PostgreSQL, `make test` runs the whole suite.
MVN ?= mvn -B -q
JAR := target/pairpad.jar
SOURCES := pom.xml $(shell find src/main sql public -type f 2>/dev/null)
WEB := src/web

.PHONY: run test test-java test-web web jar clean

run: $(JAR)
	java -jar $(JAR)

# The page's checks need Node; without it (and outside CI) they are skipped with a note.
test: test-web test-java

test-java:
	$(MVN) test

test-web:
	@if command -v node >/dev/null; then \
		cd $(WEB) && npm ci --silent --no-audit --no-fund && npm run --silent check && npm test --silent; \
	elif [ "$${CI:-}" = "true" ]; then \
		echo "node is required in CI for the page's tests" >&2; exit 1; \
	else \
		echo "node not found: skipping the page's bundle check and unit tests"; \
	fi

# Rebuilds public/ from src/web (commit the result: the jar serves it without Node).
web:
	cd $(WEB) && npm ci --no-audit --no-fund && npm run build

jar: $(JAR)

$(JAR): $(SOURCES)
	$(MVN) package -DskipTests

clean:
	$(MVN) clean

# Load benchmark (bench/load): `make bench-load ARGS="--scenario pair --runs 3"`; see bench/load/README.md.
BENCH_LOAD_DEPS := bench/load/node_modules/.package-lock.json

$(BENCH_LOAD_DEPS): bench/load/package.json bench/load/package-lock.json
	cd bench/load && npm ci --no-audit --no-fund --silent

.PHONY: bench-load
bench-load: $(JAR) $(BENCH_LOAD_DEPS)
	node bench/load/run.js $(ARGS)
