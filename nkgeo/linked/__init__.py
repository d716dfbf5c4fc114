"""The graph among other datasets: links, coordinates, GeoNames matching, VoID, counts and the map.

- ``reference.py``  links and coordinates generated from the checked reference identifiers
- ``link.py``       GeoNames candidates for unlinked places (``nkgeo link``)
- ``void.py``       the VoID description of the dataset
- ``stats.py``      what the graph holds, counted
- ``mapping.py``    the map of the places (``nkgeo map``)
"""
