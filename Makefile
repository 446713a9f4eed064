# The two commands a new machine needs: `make run` and `make test`.
.PHONY: run test build release format lint bench migrate check-config

run:            ## the server on SQLite with config/accessbot.yaml
	scripts/run.sh

test:           ## every test, SQLite and a throwaway PostgreSQL 15
	scripts/test.sh

build:
	scripts/ensure-deps.sh && swift build

release:
	scripts/ensure-deps.sh && swift build -c release

format:
	scripts/format.sh

lint:
	scripts/format.sh --check

check-config:
	swift run accessbot check-config config/accessbot.yaml

bench:          ## benchmarks in release mode (see docs/benchmarks.md)
	scripts/ensure-deps.sh && swift build -c release --product accessbot-bench
