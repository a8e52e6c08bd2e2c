"""kg: English news articles to a validated RDF knowledge graph, every fact traced to its sentence."""

from kg.api import KnowledgeGraph, open
from kg.errors import InputError, KgError, QueryError, ShapeError, StoreError, ValidationFailed

__all__ = ["InputError", "KgError", "KnowledgeGraph", "QueryError", "ShapeError", "StoreError",
           "ValidationFailed", "open"]
__version__ = "0.1.0"
