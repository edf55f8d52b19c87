# One command to try the skill (make run), one to check everything (make test).
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: setup run validate test lint bench stress skill-package clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PY) -m pip --version >/dev/null 2>&1 || "$$(scripts/find-python)" -m venv --clear $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[web,dev]'
	touch $(STAMP)

run: setup
	$(PY) -m skill simulate

validate: setup
	$(PY) -m skill validate

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy --strict skill
	$(VENV)/bin/cfn-lint template.yaml

test: lint
	$(PY) -m skill validate
	$(VENV)/bin/pytest -q

# Ours against a hello-world ask-sdk skill: prints a markdown table, writes bench/results/latest.json.
# ApacheBench drives the web part (installed here when missing; else a slower Python client).
bench: setup
	command -v ab >/dev/null || (apt-get update -qq && apt-get install -y -qq apache2-utils >/dev/null) \
		|| echo "bench: could not install ab (apache2-utils); using the Python load generator"
	$(PY) -m bench

# The web service under 250 slow clients, badly signed requests, a stalled certificate host and
# a soak of 50,000 signed requests; writes bench/results/stress.json (see docs/performance.md).
stress: setup
	$(PY) -m bench.stress

# The skill package with its deploy-time settings (SKILL_ENDPOINT, PRIVACY_POLICY_URL,
# TERMS_OF_USE_URL) filled in, as an ASK CLI project in build/ask: cd build/ask && ask deploy.
skill-package: setup
	$(PY) -m skill.publish build/ask

clean:
	rm -rf $(VENV) .aws-sam .mypy_cache .ruff_cache .pytest_cache .hypothesis

# sam build calls this target (BuildMethod: makefile) with ARTIFACTS_DIR set.
.PHONY: build-SkillFunction
build-SkillFunction:
	scripts/build-lambda "$(ARTIFACTS_DIR)"
