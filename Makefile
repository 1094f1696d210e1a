# Developer shortcuts. `make dist` builds the frozen bundle and the Linux installers
# into dist/ (see README, "Building the installer").
PYTHON ?= .venv/bin/python

.PHONY: dist bundle packages selftest setup test clean

dist: setup
	$(PYTHON) packaging/build.py all

bundle: setup
	$(PYTHON) packaging/build.py bundle

packages: setup
	$(PYTHON) packaging/build.py packages

selftest:
	$(PYTHON) packaging/build.py selftest

setup:
	bash dev.sh setup

test:
	bash dev.sh test

clean:
	rm -rf build dist
