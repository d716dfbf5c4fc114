"""``nkgeo validate`` through the CLI: its documented exit codes (0 conforms, 1 does not, 2 cannot
check), on a tiny project so that each run takes a moment. (tests/test_validate.py checks the
shipped graph and each shape.)"""

from __future__ import annotations

import re

from rdflib import Graph, Literal
from rdflib.namespace import SH

SUMMARY = re.compile(r"Checked \d+ triples against \d+ shapes and \d+ checks: (\d+) problems from shapes, (\d+) from checks\.")
NAMELESS_CITY = "\ngraph:gazetteer { id:omegapolis a nkgeo:City . }\n"


def test_conforming_project_exits_0(invoke, tiny_project):
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Conforms: True"
    assert SUMMARY.fullmatch(lines[1]).groups() == ("0", "0")
    assert len(lines) == 2


def test_report_as_turtle(invoke, tiny_project):
    result = invoke("validate", "--format", "turtle")
    assert result.exit_code == 0, result.output
    report = Graph().parse(data=result.output, format="turtle")
    assert list(report.objects(None, SH.conforms)) == [Literal(True)]


def test_nonconforming_project_exits_1(invoke, tiny_project):
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write(NAMELESS_CITY)
    result = invoke("validate")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Conforms: False"
    assert int(SUMMARY.fullmatch(lines[1])[1]) >= 1
    assert lines[2:] and all(line.startswith("id:omegapolis ") for line in lines[2:])
    report = Graph().parse(data=invoke("validate", "--format", "turtle").output, format="turtle")
    assert list(report.objects(None, SH.conforms)) == [Literal(False)]


def test_broken_shapes_exit_2(invoke, tiny_project):
    (tiny_project / "ontology" / "shapes.ttl").write_text("this is not turtle\n", encoding="utf-8")
    result = invoke("validate")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert re.fullmatch(r"Error: shapes\.ttl does not parse: [^\n]+\n", result.stderr), result.stderr


def test_broken_data_exits_2(invoke, tiny_project):
    with (tiny_project / "graph" / "gazetteer.trig").open("a", encoding="utf-8") as handle:
        handle.write("graph:gazetteer { id:omegapolis a }\n")
    result = invoke("validate")
    assert result.exit_code == 2
    assert re.fullmatch(r"Error: gazetteer\.trig does not parse: [^\n]+\n", result.stderr), result.stderr


def test_unknown_report_format(invoke):
    result = invoke("validate", "--format", "yaml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output
