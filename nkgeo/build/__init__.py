"""From sources to the compiled dataset: parse and reason (pipeline), OWL 2 RL (engine, owlrl_reasoner),
the derivations format (derivations), the cache of compiled datasets (cache), validation (validate)."""
