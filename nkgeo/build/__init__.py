"""From sources to the compiled dataset: parse, reason (OWL 2 RL), validate, compile, cache.

- ``pipeline.py``        the build: parse the sources, reason, write the compiled dataset
- ``engine.py``          nkgeo's OWL 2 RL materialiser, with one derivation per inferred triple
- ``owlrl_reasoner.py``  owlrl, the reference reasoner (``--reasoner owlrl``), over rdflib graphs
- ``derivations.py``     the derivations a build writes and ``nkgeo why`` reads
- ``validate.py``        SHACL shapes and SPARQL checks
- ``cache.py``           the compiled datasets, keyed by the sources' fingerprint
"""
