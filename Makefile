# provider-kind — developer entry points. `make help` lists them.
MVN ?= mvn -B
SHELL := /bin/bash

.PHONY: help setup build test run-kindserver clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

setup: ## install what the tests need on this machine (Docker engine, API-server binaries, node image)
	bash .ci/setup

build: ## compile and package kindserver.jar and provider.jar (no tests)
	$(MVN) -q package -DskipTests

test: ## run every test (needs Docker and the API-server binaries: make setup)
	$(MVN) verify

run-kindserver: build ## run kindserver on 0.0.0.0:7443 (KINDSERVER_PASSWORD or --password-file required)
	java -jar kindserver/target/kindserver.jar $(ARGS)

clean: ## remove build output
	$(MVN) -q clean
