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
