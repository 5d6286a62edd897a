# Every target creates .venv and installs the project when missing.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint install lock clean messages

EXTRAS := dev,semantic,postgres,pdf

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[$(EXTRAS)]'
	touch $(STAMP)

# After a green `make test`: record the versions it passed with.
lock: $(STAMP)
	{ sed -n '1,3p' requirements.lock; $(BIN)/python -m pip freeze --exclude-editable \
		| grep -v '^verifier'; } > requirements.lock.new && mv requirements.lock.new requirements.lock

install: $(STAMP)

run: $(STAMP)
	$(BIN)/verifier demo
	$(BIN)/streamlit run app.py --server.port $${PORT:-8501} --server.headless true \
		--server.address $${ADDRESS:-127.0.0.1}

test: $(STAMP)
	$(BIN)/python -m pytest -n $${PYTEST_WORKERS:-2} -q

bench: $(STAMP)
	for f in bench/*.py; do echo "== $$f"; $(BIN)/python $$f || exit 1; done

lint: $(STAMP)
	$(BIN)/ruff check verifier tests bench app.py
	$(BIN)/mypy verifier
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache

# The interface's catalogue (docs/decisions.md §30): extract every _() / N_() / ngettext()
# string of verifier/ui and app.py, and add the new ones to the French .po (to translate there;
# tests/test_i18n.py fails until they are). The .po is compiled with Babel when the app loads it.
messages: $(STAMP)
	mkdir -p build
	$(BIN)/pybabel extract --no-default-keywords -k _ -k N_ -k ngettext:1,2 \
		--no-location --sort-output --project verifier -o build/messages.pot verifier/ui app.py
	$(BIN)/pybabel update --no-fuzzy-matching --ignore-obsolete --width 100 \
		-l fr -D messages -i build/messages.pot -d verifier/ui/locale
