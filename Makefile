# The two commands of the README: `make run` and `make test`. Everything else is a building block.
BUILD ?= build
JOBS ?= $(shell nproc)

.PHONY: run test deps build web bench format clean

run: build web
	scripts/run

test:
	scripts/test

deps:
	scripts/install-deps

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release >/dev/null
	cmake --build $(BUILD) -j$(JOBS)

web: deps
	cd web && npm run build

# Every benchmark in bench/, one after the other; they print figures and never fail on timing.
bench: build
	bench/http-healthz.sh
	bench/catalog-search.sh
	bench/submit.sh
	bench/inbox.sh
	bench/slips.sh

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD)
