"""nkgeo: a knowledge graph of North Korea's human geography, with provenance and OWL 2 RL reasoning."""
