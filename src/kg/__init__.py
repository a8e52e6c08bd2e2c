"""kg: English news articles to a validated RDF knowledge graph, every fact traced to its sentence."""

from kg.api import KnowledgeGraph, open
from kg.errors import (
    ClusterError,
    InputError,
    KgError,
    QueryError,
    ShapeError,
    StoreError,
    ValidationFailed,
)

__all__ = ["ClusterError", "InputError", "KgError", "KnowledgeGraph", "QueryError", "ShapeError",
           "StoreError", "ValidationFailed", "open"]
__version__ = "0.1.0"
