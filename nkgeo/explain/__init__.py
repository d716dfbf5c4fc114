"""Where facts come from: evidence, the source documents, ``nkgeo show`` and ``nkgeo why``.

- ``provenance.py``  the graphs and evidence records behind a triple
- ``documents.py``   the source documents, and their text when a verified copy is at hand
- ``show.py``        everything about one entity, each fact with its sources
- ``why.py``         how an inferred triple follows, down to the asserted facts
"""
