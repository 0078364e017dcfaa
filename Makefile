# provider-kind — developer entry points. `make help` lists them.
MVN ?= ./mvnw -B
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

VERSION ?= 0.1.0-SNAPSHOT
PLATFORMS ?= linux/amd64,linux/arm64
IMAGE_REPO ?= provider-kind
# the provider image's Java 17 runtime base; empty: the Dockerfile's default, eclipse-temurin:17-jre
JRE_IMAGE ?=
XPKG_REPO ?= ghcr.io/provider-kind/provider-kind

# make dev: a management kind cluster, Crossplane, kindserver and provider-kind on this machine
DEV_DIR ?= dev
DEV_CLUSTER ?= provider-kind-dev
CROSSPLANE_VERSION ?= 2.0.2
KINDSERVER_PORT ?= 7443
KINDSERVER_STATE := $(DEV_DIR)/kindserver
KINDSERVER_CA := $(KINDSERVER_STATE)/tls/kindserver.crt
KINDSERVER_PASSWORD_FILE := $(DEV_DIR)/kindserver-password
KINDSERVER_PID := $(DEV_DIR)/kindserver.pid
EXAMPLE_CLUSTER := example-kind-cluster

KINDSERVER_JAR := kindserver/target/kindserver.jar
# make run: kindserver on loopback with its default state dir
RUN_LISTEN ?= 127.0.0.1:7443
RUN_STATE_DIR ?= $(or $(XDG_STATE_HOME),$(HOME)/.local/state)/kindserver
RUN_PASSWORD_FILE := $(RUN_STATE_DIR)/password
KIND ?= kind
PROVIDER_JAR := provider/target/provider.jar

step = printf '\n\033[1m==> %s\033[0m\n' $(1)
# The docker host's address on the kind network (its IPv4 gateway): every kind cluster reaches it there.
kind_gateway = $$(docker network inspect kind -f '{{range .IPAM.Config}}{{.Gateway}} {{end}}' | tr ' ' '\n' | grep -m1 '\.')

.PHONY: help setup build test lint format run run-provider image xpkg xpkg-push \
        dev dev-cluster dev-crossplane dev-kindserver dev-providerconfig dev-down e2e e2e-edfbuilder clean bench-setup bench-get provider-classlist

help: ## list the targets
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

setup: ## install what the tests need on this machine (idempotent: Docker engine, kube-apiserver, node images)
	bash testing/setup.sh

# Debian's postinst would start nginx's default site on every interface; policy-rc.d (kept if it exists) stops that.
bench-setup: ## install what the benchmarks need beyond `make setup` (Debian's wrk and nginx-light)
	@if command -v wrk >/dev/null && [ -x /usr/sbin/nginx ]; then echo "wrk and nginx are installed"; exit 0; fi; \
	  made=; if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; \
	  chmod +x /usr/sbin/policy-rc.d; made=1; fi; \
	  trap '[ -z "$$made" ] || rm -f /usr/sbin/policy-rc.d' EXIT; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 wrk nginx-light

bench-get: setup bench-setup ## kindserver GET beside nginx serving the same bytes (README, Performance)
	$(MVN) -q -pl kindserver -am verify -Pbench-get -DskipTests

provider-classlist: setup ## record the classes a provider start loads into images/provider/provider.classlist
	$(MVN) -q -pl provider -am verify -Pprovider-classlist -DskipTests

build: ## compile and package kindserver.jar and provider.jar (tests neither compiled nor run)
	$(MVN) -q package -Dmaven.test.skip=true

test: setup ## run the setup the tests need, then every test
	$(MVN) verify

# The enforcer runs at validate in every module; test-compile hands each module its reactor dependencies'
# compiled classes (banDuplicateClasses reads them), where a bare validate would need them installed in ~/.m2.
lint: ## check formatting and the Maven rules (spotless:check, enforcer)
	$(MVN) -q spotless:check
	$(MVN) -q test-compile

format: ## format the Java sources (spotless:apply)
	$(MVN) -q spotless:apply

run: build ## start kindserver on 127.0.0.1:7443 (state, generated password, certificate: RUN_STATE_DIR; ARGS=...)
	@mkdir -p $(RUN_STATE_DIR)
	@if [ -z "$${KINDSERVER_PASSWORD:-}" ] && [ ! -s $(RUN_PASSWORD_FILE) ]; then \
	  (umask 077; od -An -tx1 -N16 /dev/urandom | tr -d ' \n' > $(RUN_PASSWORD_FILE)); \
	  echo "generated a password, kept in $(RUN_PASSWORD_FILE) (0600): $$(cat $(RUN_PASSWORD_FILE))"; fi
	@kind="$(KIND)"; if ! command -v "$$kind" >/dev/null; then \
	  echo "note: $$kind is not on PATH; clusters cannot be created until it is (KIND=/path/to/kind make run)"; fi
	@echo "try it:  curl --cacert $(RUN_STATE_DIR)/tls/kindserver.crt -H \"Authorization: Bearer \$$(cat $(RUN_PASSWORD_FILE))\" https://$(RUN_LISTEN)/api/v1/kindserver"
	@echo "kindserver on https://$(RUN_LISTEN) (Ctrl-C stops it)"
	exec java -jar $(KINDSERVER_JAR) --listen $(RUN_LISTEN) --state-dir $(RUN_STATE_DIR) --kind $(KIND) \
	  $(if $(KINDSERVER_PASSWORD),,--password-file $(RUN_PASSWORD_FILE)) $(ARGS)

run-provider: build ## run provider-kind against the current kubeconfig's cluster (ARGS=--debug ...)
	java -jar $(PROVIDER_JAR) $(ARGS)

image: build ## build the provider and kindserver images for this machine's platform (JRE_IMAGE=...)
	docker build $(if $(JRE_IMAGE),--build-arg JRE_IMAGE=$(JRE_IMAGE)) -t $(IMAGE_REPO)/provider:$(VERSION) -f images/provider/Dockerfile provider/target
	docker build -t $(IMAGE_REPO)/kindserver:$(VERSION) -f images/kindserver/Dockerfile kindserver/target

xpkg: build ## build the Crossplane package (linux/amd64 + linux/arm64; PLATFORMS=...) into target/xpkg
	VERSION=$(VERSION) bash package/build-xpkg.sh --platforms $(PLATFORMS)

xpkg-push: ## push the package built by `make xpkg` to XPKG_REPO:VERSION
	VERSION=$(VERSION) bash package/push-xpkg.sh $(XPKG_REPO):$(VERSION)

dev: build dev-cluster dev-crossplane dev-kindserver dev-providerconfig ## the whole flow on this machine (docker, kind, kubectl, helm, internet), then run the provider
	@$(call step,"example KindCluster $(EXAMPLE_CLUSTER)")
	kubectl apply -f examples/provider/kindcluster.yaml
	@$(call step,"provider-kind (Ctrl-C stops it; make dev-down removes everything)")
	@echo "watch it:  kubectl get kindclusters -w   (kindserver log: $(DEV_DIR)/kindserver.log)"
	java -jar $(PROVIDER_JAR) --debug

dev-cluster:
	@$(call step,"management cluster kind-$(DEV_CLUSTER)")
	@for tool in docker kind kubectl helm java curl openssl; do \
	  command -v $$tool >/dev/null || { echo "make dev needs $$tool on PATH" >&2; exit 1; }; done
	kind get clusters | grep -qx '$(DEV_CLUSTER)' || kind create cluster --name $(DEV_CLUSTER)
	kubectl config use-context kind-$(DEV_CLUSTER)

dev-crossplane: dev-cluster
	@$(call step,"Crossplane $(CROSSPLANE_VERSION) (helm) with provider-helm + provider-kubernetes + function-patch-and-transform")
	helm repo add crossplane-stable https://charts.crossplane.io/stable --force-update >/dev/null
	helm upgrade --install crossplane crossplane-stable/crossplane --namespace crossplane-system \
	  --create-namespace --version $(CROSSPLANE_VERSION) --wait
	kubectl apply -f examples/install/crossplane-packages.yaml
	@$(call step,"provider-kind's CRDs")
	kubectl apply -f package/crds/

dev-kindserver: dev-cluster
	@$(call step,"kindserver on $(kind_gateway):$(KINDSERVER_PORT) (state $(KINDSERVER_STATE))")
	mkdir -p $(KINDSERVER_STATE)
	@if [ ! -s $(KINDSERVER_PASSWORD_FILE) ]; then \
	  (umask 077; openssl rand -hex 24 | tr -d '\n' > $(KINDSERVER_PASSWORD_FILE)); \
	  echo "generated a password in $(KINDSERVER_PASSWORD_FILE)"; fi
	@if [ -s $(KINDSERVER_PID) ] && kill -0 "$$(cat $(KINDSERVER_PID))" 2>/dev/null; then \
	  echo "kindserver already runs (pid $$(cat $(KINDSERVER_PID)))"; \
	else \
	  nohup java -jar $(KINDSERVER_JAR) --listen 0.0.0.0:$(KINDSERVER_PORT) \
	    --password-file $(KINDSERVER_PASSWORD_FILE) --state-dir $(KINDSERVER_STATE) \
	    --advertise-address "$(kind_gateway)" > $(DEV_DIR)/kindserver.log 2>&1 & \
	  echo $$! > $(KINDSERVER_PID); \
	  echo "started kindserver (pid $$(cat $(KINDSERVER_PID)), log $(DEV_DIR)/kindserver.log)"; \
	fi
	@for _ in $$(seq 60); do \
	  [ -f $(KINDSERVER_CA) ] && curl -sf --cacert $(KINDSERVER_CA) "https://$(kind_gateway):$(KINDSERVER_PORT)/healthz" >/dev/null \
	    && { echo "kindserver is healthy; its certificate: $(KINDSERVER_CA)"; exit 0; }; sleep 1; done; \
	  echo "kindserver did not become healthy; see $(DEV_DIR)/kindserver.log" >&2; exit 1

dev-providerconfig: dev-crossplane dev-kindserver
	@$(call step,"kindserver credentials Secret and ProviderConfig (URL and CA bundle of this kindserver)")
	kubectl -n crossplane-system create secret generic kind-provider-secret \
	  --from-file=credentials=$(KINDSERVER_PASSWORD_FILE) --dry-run=client -o yaml | kubectl apply -f -
	kubectl apply -f examples/provider/providerconfig.yaml
	@ca="$$(awk '{printf "%s\\n", $$0}' $(KINDSERVER_CA))"; \
	  url="https://$(kind_gateway):$(KINDSERVER_PORT)/api/v1/kindserver"; \
	  kubectl patch providerconfigs.kind.crossplane.io kind-provider-config --type merge \
	    -p "{\"spec\":{\"endpoint\":{\"url\":\"$$url\",\"caBundle\":\"$$ca\"}}}"

dev-down: ## undo make dev: the example cluster, kindserver, the management cluster and dev/
	@$(call step,"removing the dev setup")
	-kind delete cluster --name $(EXAMPLE_CLUSTER)
	-if [ -s $(KINDSERVER_PID) ]; then kill "$$(cat $(KINDSERVER_PID))" 2>/dev/null; fi
	-kind delete cluster --name $(DEV_CLUSTER)
	rm -rf $(DEV_DIR)

e2e: ## with make dev running: the example KindCluster becomes Ready, its kubeconfig works, deleting it deletes the cluster
	@$(call step,"KindCluster $(EXAMPLE_CLUSTER) becomes Ready")
	kubectl apply -f examples/provider/kindcluster.yaml
	kubectl wait --for=condition=Ready kindclusters.container.kind.crossplane.io/$(EXAMPLE_CLUSTER) --timeout=15m
	@$(call step,"its connection Secret's kubeconfig reaches the new cluster")
	mkdir -p $(DEV_DIR)
	kubectl -n default get secret kind-connection-secret -o jsonpath='{.data.kubeconfig}' | base64 -d > $(DEV_DIR)/e2e.kubeconfig
	kubectl --kubeconfig $(DEV_DIR)/e2e.kubeconfig get nodes
	@$(call step,"deleting the KindCluster deletes the kind cluster")
	kubectl delete kindclusters.container.kind.crossplane.io $(EXAMPLE_CLUSTER) --wait --timeout=5m
	@! kind get clusters | grep -qx '$(EXAMPLE_CLUSTER)' || { echo "kind cluster $(EXAMPLE_CLUSTER) still exists" >&2; exit 1; }
	@echo "e2e passed"

# make e2e-edfbuilder: examples/edfbuilder's EDFBuilder end to end on make dev's management cluster
EDF_NAME := kindcluster
EDF_DOMAIN := cnoe.localtest.me
EDF_TIMEOUT ?= 1800
STACKS_SOURCE ?=
edf_kubectl = kubectl --kubeconfig $(DEV_DIR)/edf.kubeconfig
edf_password = kubectl -n crossplane-system get secret $(EDF_NAME)-forgejo-admin -o jsonpath='{.data.password}' | base64 -d
# wait_for WHAT COMMAND: runs COMMAND every 10 s until it prints something, for up to EDF_TIMEOUT seconds
wait_for = for _ in $$(seq $$(( $(EDF_TIMEOUT) / 10 ))); do v="$$($(2) 2>/dev/null || true)"; [ -n "$$v" ] && { echo "$(1): $$v"; break; }; \
  sleep 10; done; [ -n "$$v" ] || { echo "$(1): not within $(EDF_TIMEOUT) s" >&2; exit 1; }

e2e-edfbuilder: ## with make dev running: the EDFBuilder example end to end (STACKS_SOURCE=<git URL with registry/>)
	@[ -n "$(STACKS_SOURCE)" ] || { echo "STACKS_SOURCE=<a git URL Forgejo can clone, stacks under registry/> is required" >&2; exit 1; }
	@$(call step,"provider-helm + provider-kubernetes + function-patch-and-transform are healthy")
	kubectl wait --for=condition=Healthy --timeout=10m providers.pkg.crossplane.io/provider-helm \
	  providers.pkg.crossplane.io/provider-kubernetes functions.pkg.crossplane.io/function-patch-and-transform
	@$(call step,"the EDFBuilder API + its composition + EDFBuilder $(EDF_NAME) copying $(STACKS_SOURCE)")
	kubectl apply -f examples/edfbuilder/definition.yaml
	kubectl wait --for=condition=Established --timeout=5m \
	  compositeresourcedefinitions.apiextensions.crossplane.io/edfbuilders.edfbuilder.crossplane.io
	kubectl apply -f examples/edfbuilder/composition.yaml
	sed 's|^  repoURL: .*|  repoURL: $(STACKS_SOURCE)|' examples/edfbuilder/edfbuilder.yaml | kubectl apply -f -
	@$(call step,"each step in the new cluster is done (status.steps) + the URLs in the status")
	@for step in tlsCertificate adminPassword stacksRepository; do \
	  $(call wait_for,$$step,kubectl get edfbuilders.edfbuilder.crossplane.io $(EDF_NAME) -o jsonpath={.status.steps.$$step}); done
	kubectl get edfbuilders.edfbuilder.crossplane.io $(EDF_NAME) -o jsonpath='{.status.forgejoURL} {.status.argocdURL}{"\n"}'
	@$(call step,"Forgejo serves the stacks repository to its admin over HTTPS with the EDFBuilder's certificate")
	mkdir -p $(DEV_DIR)
	kubectl -n crossplane-system get secret $(EDF_NAME)-kubeconfig -o jsonpath='{.data.kubeconfig}' | base64 -d > $(DEV_DIR)/edf.kubeconfig
	$(edf_kubectl) -n ingress-nginx get secret edfbuilder-tls -o jsonpath='{.data.ca\.crt}' | base64 -d > $(DEV_DIR)/edf-ca.crt
	@printf 'user = "giteaAdmin:%s"\n' "$$($(edf_password))" | curl -sSf --config - --cacert $(DEV_DIR)/edf-ca.crt \
	  https://gitea.$(EDF_DOMAIN)/api/v1/repos/edfbuilder/stacks | jq -r '"repository " + .full_name + ", copied from " + .original_url'
	curl -sSf -o /dev/null --cacert $(DEV_DIR)/edf-ca.crt https://argocd.$(EDF_DOMAIN)/
	@$(call step,"Argo CD's app of apps is synced from the in-cluster repository")
	@$(call wait_for,application edfbuilder,$(edf_kubectl) -n argocd get application edfbuilder -o jsonpath={.status.sync.status} | grep -x Synced)
	@$(call step,"the admin password survives its Job running again (provider-kubernetes makes the deleted Job anew)")
	@before="$$($(edf_password))"; $(edf_kubectl) -n gitea delete job forgejo-admin-secret --wait; \
	  $(call wait_for,job made anew,$(edf_kubectl) -n gitea get job forgejo-admin-secret -o jsonpath={.status.succeeded}); \
	  [ "$$before" = "$$($(edf_password))" ] || { echo "the admin password changed" >&2; exit 1; }; echo "password kept"
	@echo "e2e-edfbuilder passed (kubectl delete edfbuilders.edfbuilder.crossplane.io $(EDF_NAME) removes the cluster)"

clean: ## remove build output (target/ folders, the package in target/xpkg)
	$(MVN) -q clean
