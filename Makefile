# One command for every check CI and reviewers care about.
.PHONY: check lint test bench

check: lint test

lint:
	ruff format --check drafter tests benchmarks fuzz
	ruff check drafter tests benchmarks fuzz
	mypy drafter
	lint-imports

test:
	pytest

bench:
	python benchmarks/build.py
	python benchmarks/bank.py
	python benchmarks/skeleton.py
	-python benchmarks/search.py
	-python benchmarks/checks.py
	-python benchmarks/harvest.py
	-python benchmarks/startup.py
