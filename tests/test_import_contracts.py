"""The import contracts in pyproject.toml (checked by `make lint`) hold, and they fail on a cycle.

Each test below plants one import that would make a package import its importer, and checks
that the project's own contracts catch it; lazy imports inside functions count as imports.
"""

from __future__ import annotations

import copy
import sys
import textwrap
from pathlib import Path

import grimp
import pytest
from importlinter import configuration
from importlinter.application.use_cases import read_user_options
from importlinter.contracts.acyclic_siblings import AcyclicSiblingsContract
from importlinter.contracts.independence import IndependenceContract
from importlinter.contracts.layers import LayersContract

ROOT = Path(__file__).resolve().parent.parent
configuration.configure()  # what lint-imports does first: file readers, the clock
KINDS = {
    "layers": LayersContract,
    "independence": IndependenceContract,
    "acyclic_siblings": AcyclicSiblingsContract,
}


@pytest.fixture(scope="module")
def options():
    return read_user_options(str(ROOT / "pyproject.toml"))


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph("app", include_external_packages=False, cache_dir=None)


def broken(options, graph: grimp.ImportGraph) -> list[str]:
    """The ids of the project's contracts that this graph breaks."""
    found = []
    for contract_options in options.contracts_options:
        contract = KINDS[contract_options["type"]](
            name=contract_options["name"],
            session_options=options.session_options,
            contract_options=contract_options,
        )
        if not contract.check(copy.deepcopy(graph), verbose=False).kept:
            found.append(contract_options["id"])
    return found


def with_import(graph: grimp.ImportGraph, importer: str, imported: str) -> grimp.ImportGraph:
    planted = copy.deepcopy(graph)
    planted.add_import(importer=importer, imported=imported, line_number=1, line_contents="")
    return planted


def test_every_contract_names_a_kind_this_test_knows(options) -> None:
    assert {c["type"] for c in options.contracts_options} <= set(KINDS)
    assert {c["type"] for c in options.contracts_options} >= {"layers", "independence"}


def test_the_code_as_it_is_keeps_every_contract(options, graph) -> None:
    assert broken(options, graph) == []


@pytest.mark.parametrize(
    ("importer", "imported", "catches"),
    [
        # core <-> site: the home page reads core, so core may not read the home page
        ("app.core.errors", "app.site.views", {"layers", "no-cycles"}),
        # people <-> me: the "everything we hold" export reads people
        ("app.people.services", "app.me.export", {"layers", "no-cycles"}),
        # ledger <-> people, as before the export moved
        ("app.people.services", "app.ledger.claims", {"layers", "no-cycles"}),
        # i18n <-> people, as the lazy import for the participant's language was
        ("app.i18n", "app.people.guard", {"layers", "no-cycles"}),
        # the outbox reading the claims that queue messages in it
        ("app.outbox.sender", "app.ledger.claim_messages", {"layers", "no-cycles"}),
        # two areas on one layer: no cycle yet, but they are to stay apart
        ("app.ledger.claims", "app.surveys.models", {"layers", "areas"}),
        ("app.site.views", "app.me.export", {"layers", "features"}),
        ("app.surveys.builder.views", "app.surveys.results.tallies", {"survey-parts"}),
        # two modules of one package importing each other (thresholds <-> totals, as it was)
        ("app.ledger.thresholds", "app.ledger.totals", {"no-cycles"}),
    ],
)
def test_a_planted_import_breaks_the_contracts(
    options, graph, importer: str, imported: str, catches: set[str]
) -> None:
    assert catches <= set(broken(options, with_import(graph, importer, imported)))


def test_an_import_inside_a_function_counts(tmp_path: Path, monkeypatch) -> None:
    """A lazy import hides a cycle from Python at start-up, not from the contract."""
    package = tmp_path / "loop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "first").mkdir()
    (package / "first" / "__init__.py").write_text("from loop.second import helper\n")
    (package / "second").mkdir()
    (package / "second" / "__init__.py").write_text(
        textwrap.dedent(
            """
            def helper():
                from loop.first import helper as back  # the cycle, hidden in a function
                return back
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    loop = grimp.build_graph("loop", cache_dir=None)
    contract = AcyclicSiblingsContract(
        name="no cycles",
        session_options={"root_packages": ["loop"]},
        contract_options={"ancestors": ["loop"]},
    )
    assert not contract.check(loop, verbose=False).kept
    sys.modules.pop("loop", None)
