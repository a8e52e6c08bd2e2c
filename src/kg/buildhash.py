"""What a stored article was built from, as one digest: so a build can skip what it would redo.

An article's graph depends on the article (its id, text and metadata), on the spaCy model that
parsed it, on kg's own code and data files (rules, lexicons, gazetteer, ontology and shapes)
and on the review decisions applied. :func:`content_hash` digests all of them; ``kg build``
stores it with the article (``kgo:contentHash``) and, on a later build, skips an article whose
stored digest is the same, without parsing it again. Changing any rule, word list or the model
changes every digest, so an upgraded kg rebuilds everything once.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
from functools import cache
from pathlib import Path

from kg.model import Article
from kg.resources import resource_dir

_PACKAGE = Path(__file__).resolve().parent
_DATA_KINDS = ("ontology", "lexicon", "gazetteer")


@cache
def pipeline_digest(model: str) -> str:
    """A digest of kg's code and data files, the model and spaCy: what every article shares."""
    digest = hashlib.sha256(model.encode())
    for distribution in ("spacy", model.replace("_", "-")):
        try:
            digest.update(importlib.metadata.version(distribution).encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(b"-")
    files = sorted(_PACKAGE.rglob("*.py"))
    for kind in _DATA_KINDS:
        files += sorted(path for path in resource_dir(kind).rglob("*") if path.is_file())
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def content_hash(article: Article, *, model: str, curation: bytes = b"") -> str:
    """``sha256:<hex>`` of the article, the pipeline that builds it and the review decisions."""
    record = {
        "id": article.id, "text": article.text, "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url, "source": article.source, "language": article.language,
    }
    digest = hashlib.sha256(pipeline_digest(model).encode())
    digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False).encode())
    digest.update(hashlib.sha256(curation).digest())
    return f"sha256:{digest.hexdigest()}"


__all__ = ["content_hash", "pipeline_digest"]
