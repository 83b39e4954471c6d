# offcloud-kit: every target sets up the virtualenv it needs on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

# Arguments for `make contract` against a live server; `make mock` options.
# `make contract-orders`: the seeds of its reversed runs.
CONTRACT_SEEDS ?= 1 2 3
BASE_URL ?=
OFFCLOUD_API_KEY ?=
MOCK_ARGS ?=
# `make drift`: report prefix, recordings folder (none by default), server era, extra arguments.
DRIFT_REPORT ?= drift-report
DRIFT_RECORD ?=
DRIFT_ERA ?= 2026
DRIFT_ARGS ?=

.DEFAULT_GOAL := help
.PHONY: help venv test mock generate check-generated lint format contract contract-orders drift drift-apply \
	mock-told bench lock clean test-lowest downstream docker-smoke dist

help:
	@echo "make mock             run the mock server on http://127.0.0.1:8080 with the demo data;"
	@echo "                      options in MOCK_ARGS, e.g. make mock MOCK_ARGS=\"--port 9000 --era legacy\""
	@echo "                      (all of them: .venv/bin/offcloud-mock --help)"
	@echo "make test             run every test (sets up .venv on first use)"
	@echo "make generate         regenerate generated_client/ from openapi.yaml"
	@echo "make check-generated  fail if generated_client/ differs from a fresh generation"
	@echo "make lint             ruff and mypy on our own code, actionlint on .github/workflows, the docs"
	@echo "                      site (mkdocs.yml, docs/) built with --strict into site/"
	@echo "make contract         contract tests against BASE_URL (with OFFCLOUD_API_KEY)"
	@echo "make contract-orders  the contract suite alone: as collected, then reversed under each of CONTRACT_SEEDS"
	@echo "make drift            drift-report.md/.json: BASE_URL (with OFFCLOUD_API_KEY) against openapi.yaml"
	@echo "make drift-apply      apply drift-report.json to openapi.yaml, regenerate, tell what the mock must change"
	@echo "make mock-told        which answers of the mock openapi.yaml refuses, and where the mock builds them"
	@echo "make bench            benchmarks, printed and written to bench/results/"
	@echo "make test-lowest      mock, client and plugin tests at the lower bounds of every dependency"
	@echo "make downstream       build the wheel, install it outside the checkout, run examples/downstream"
	@echo "make docker-smoke     build the mock's image and check it turns healthy (skips without Docker)"
	@echo "make dist             build the sdist and the wheel into dist/ and check them (twine check)"

$(STAMP): requirements.txt constraints.txt pyproject.toml generated_client/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==25.3
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e ./generated_client -e .
	touch $(STAMP)

venv: $(STAMP)

test: $(STAMP)
	$(BIN)/pytest

mock: $(STAMP)
	$(BIN)/offcloud-mock $(MOCK_ARGS)

generate: $(STAMP)
	$(BIN)/python generator/generate.py

check-generated: $(STAMP)
	$(BIN)/python generator/generate.py --check

# The docs site is built with --strict: a broken link or anchor, or a page left out of the nav, fails.
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/actionlint .github/workflows/*.yml
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

contract: $(STAMP)
	OFFCLOUD_BASE_URL="$(BASE_URL)" OFFCLOUD_API_KEY="$(OFFCLOUD_API_KEY)" $(BIN)/python -m offcloud_contract

# No contract test may depend on what ran before it in the process, nor on the walk its seed draws: the
# suite alone in the collected order, then reversed (CONTRACT_REVERSE=1) under each seed (CONTRACT_SEED).
contract-orders: $(STAMP)
	$(BIN)/pytest -q contract_tests
	for seed in $(CONTRACT_SEEDS); do \
	  echo "contract_tests reversed, CONTRACT_SEED=$$seed"; \
	  CONTRACT_REVERSE=1 CONTRACT_SEED=$$seed $(BIN)/pytest -q contract_tests || exit 1; \
	done

# The key reaches the tool through the environment (make exports command-line variables), never on a
# command line that make would echo. Exit 0 no drift, 1 drift, 2 the run could not happen.
drift: $(STAMP)
	DRIFT_REPORT="$(DRIFT_REPORT)" $(BIN)/python -m offcloud_drift drift --base-url "$(BASE_URL)" \
	  --era "$(DRIFT_ERA)" $(if $(DRIFT_RECORD),--record "$(DRIFT_RECORD)") $(DRIFT_ARGS)

# Applies $(DRIFT_REPORT).json to openapi.yaml in place (comments and layout kept), runs the generator,
# then says what the mock must change. Twice is the same as once.
drift-apply: $(STAMP)
	$(BIN)/python -m offcloud_drift drift apply "$(DRIFT_REPORT).json"

# The mock of each era against openapi.yaml (with $(DRIFT_REPORT).json when there is one: also the nodes
# it added that the mock does not send yet). Exit 1 when an answer of the mock must change.
mock-told: $(STAMP)
	$(BIN)/python -m offcloud_drift drift tell-mock $(if $(wildcard $(DRIFT_REPORT).json),--report "$(DRIFT_REPORT).json")

bench: $(STAMP)
	$(BIN)/python -m bench

# Packaging checks, each in throw-away virtualenvs under a temporary directory (scripts in .ci/).
test-lowest:
	bash .ci/lowest.sh

downstream:
	bash .ci/downstream.sh

docker-smoke:
	bash .ci/docker.sh

# The release artefacts, built as .github/workflows/release.yml builds them (an isolated build with the
# pinned hatchling; the wheel from the sdist), then checked as PyPI will read them.
dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist .
	$(BIN)/twine check --strict dist/*

# Rewrites constraints.txt from the venv after a change to requirements.txt.
lock: $(STAMP)
	{ echo "# Every package of the development environment at its exact version: a pip freeze of .venv,"; \
	  echo "# rewritten by \`make lock\` after a change to requirements.txt. Used as pip constraints."; \
	  $(BIN)/python -m pip freeze --exclude-editable | grep -viE "^(-e|offcloud-kit|offcloud-client)"; } > constraints.txt

clean:
	rm -rf $(VENV) .hypothesis .mypy_cache .ruff_cache bench/results drift-report.md drift-report.json dist site
