"""How fast nkgeo reads and writes RDF and SPARQL results (nkgeo/rdfio.py, nkgeo/query/results.py).

    python bench/formats.py                    # the shipped graph (asserted sources, ontology included)
    python bench/formats.py --triples 100000   # a synthetic graph of that size (bench/synthetic.py)

For each writable format: the seconds :func:`rdfio.serialize` takes on the graph's quads, its
size, and the seconds :func:`rdfio.read` takes to read it back (checked: the same statements).
rdflib's own TriG and longturtle writers, which ``nkgeo export`` used before, are timed on the same
quads for comparison. Then the SPARQL result writer on 10,000 rows of three columns in JSON, XML,
CSV and TSV, as the endpoint writes a full page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    return value, time.perf_counter() - started


def source_quads(triples: int) -> list:
    """The quads of the shipped sources, or of a synthetic project of ``triples`` data triples."""
    import pyoxigraph as ox

    from nkgeo import namespaces as ns
    from nkgeo import rdfio

    if triples:
        import synthetic

        folder = Path(tempfile.mkdtemp(prefix="nkgeo-bench-formats-"))
        synthetic.write_project(folder, triples)
    else:
        folder = ROOT
    quads = []
    for path in sorted((folder / "ontology").glob("*.ttl")):
        quads += [ox.Quad(q.subject, q.predicate, q.object, ox.NamedNode(ns.ONTOLOGY_GRAPH)) for q in rdfio.read(path)]
    for path in sorted((folder / "graph").glob("*.trig")):
        quads += rdfio.read(path, rename_blank_nodes=True)
    return quads


def main() -> None:
    import pyoxigraph as ox

    from nkgeo import rdfio
    from nkgeo.query import results

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=0, help="Size of a synthetic graph (default: the shipped one).")
    args = parser.parse_args()
    quads = source_quads(args.triples)
    print(f"{len(quads)} quads ({'synthetic' if args.triples else 'the shipped sources'})\n")
    print(f"{'format':<16}{'write s':>9}{'MB':>8}{'read s':>9}  same statements")
    for name, fmt in rdfio.FORMATS.items():
        if not fmt.writable:
            continue
        data, write_seconds = timed(rdfio.serialize, quads, name)
        back, read_seconds = timed(rdfio.read, data, name)
        same = rdfio.canonical_quads(back, fmt.keeps_graphs) == rdfio.canonical_quads(quads, fmt.keeps_graphs)
        print(f"{name:<16}{write_seconds:>9.2f}{len(data) / 1e6:>8.2f}{read_seconds:>9.2f}  {'yes' if same else 'NO'}")
    for name, serializer, graph in (("trig", "trig", rdfio.rdflib_dataset(quads)), ("turtle", "longturtle", rdfio.rdflib_graph(quads))):
        data, seconds = timed(graph.serialize, format=serializer, encoding="utf-8")
        print(f"{'rdflib ' + name:<16}{seconds:>9.2f}{len(data) / 1e6:>8.2f}           (rdflib's {serializer}, which export used before)")

    rows = [[q.subject, q.predicate, q.object] for q in quads[:10000]]
    rows += [[ox.NamedNode(f"http://example.org/{i}"), None, ox.Literal(str(i))] for i in range(10000 - len(rows))]
    print(f"\n{'results':<16}{'write s':>9}{'MB':>8}   ({len(rows)} rows, 3 columns)")
    for fmt in ("json", "xml", "csv", "tsv"):
        data, seconds = timed(results.write_solutions, ["s", "p", "o"], rows, fmt)
        print(f"{fmt:<16}{seconds:>9.3f}{len(data) / 1e6:>8.2f}")


if __name__ == "__main__":
    main()
