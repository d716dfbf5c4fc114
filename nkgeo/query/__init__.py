"""Asking the compiled dataset: SPARQL, canned queries, names, results, export, remote endpoints.

- ``store.py``       running SPARQL on a store: prefixes, the default graph chosen, one-line errors
- ``sparqltext.py``  reading SPARQL text without a parser: update, form, SERVICE, safe VALUES
- ``canned.py``      the canned queries of ``queries/*.rq`` and their parameters
- ``names.py``       an entity by any of its names
- ``results.py``     result formats for people and programs
- ``export.py``      the dataset in any RDF format
- ``remote.py``      another SPARQL endpoint: ``--endpoint`` and ``push``
"""
