# pairpad: `make run` starts the service on the embedded PostgreSQL, `make test` runs the whole suite.
MVN ?= mvn -B -q
JAR := target/pairpad.jar
SOURCES := pom.xml $(shell find src/main sql public -type f 2>/dev/null)

.PHONY: run test jar clean

run: $(JAR)
	java -jar $(JAR)

test:
	$(MVN) test

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
