# Smart Factory Lab — two commands for a fresh machine:
#   make run    create .venv, install, open the desktop simulator on the default scene
#   make test   create .venv, install with test extras, lint, type-check and run the tests
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

#: Tests run a second time on the portable path (the trusted pass's own tests and the adversarial
#: course cover both paths in the main run already).
PORTABLE_TESTS := tests/plc tests/grading/test_isolation.py tests/grading/test_l01_checks.py \
	tests/grading/test_l03_checks.py tests/grading/test_student_messages.py

#: Debian packages the tests use: command → package (a real Modbus master; the grading sandbox;
#: the browser Playwright drives — never a downloaded one).
DEBIAN_PACKAGES := mbpoll:mbpoll bwrap:bubblewrap chromium:chromium

.PHONY: run test lint typecheck pytest clean system-packages

run: $(STAMP_RUN)
	$(BIN)/sflab run

test: system-packages $(STAMP_TEST) lint typecheck pytest

# Installs the Debian packages the tests need when run as root (CI, a school server);
# otherwise stops, saying which to install: every test runs, none is skipped for a missing tool.
system-packages:
	@missing=""; for pair in $(DEBIAN_PACKAGES); do \
	  command -v $${pair%%:*} >/dev/null 2>&1 || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "테스트에 필요한 Debian 패키지가 없습니다 / missing Debian packages:$$missing" >&2; \
	    echo "  sudo apt-get install$$missing   (그 뒤 make test를 다시 / then run make test again)" >&2; exit 1; fi; \
	fi

lint: $(STAMP_TEST)
	$(BIN)/ruff check sflab simulator grading curriculum labs tests

typecheck: $(STAMP_TEST)
	$(BIN)/mypy sflab simulator grading curriculum

pytest: $(STAMP_TEST)
	SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy $(BIN)/python -m pytest
	@echo "--- the portable path (no fork, no signals: Windows lab PCs), SFLAB_PORTABLE=1"
	SFLAB_PORTABLE=1 $(BIN)/python -m pytest -p no:cacheprovider $(PORTABLE_TESTS)

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[viz]"
	touch $@

$(STAMP_TEST): pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[all,test]"
	touch $@ $(STAMP_RUN)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
