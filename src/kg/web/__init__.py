"""The views of ``kg serve``: SPARQL protocol rules, query runners, entity pages, static files.

:mod:`kg.server` is the HTTP server and its routes; the modules here do the work behind each
route, so each can be tested without a socket:

- :mod:`kg.web.sparql`: which queries and updates are allowed, content negotiation, answers
  with a row cap, the service description;
- :mod:`kg.web.runner`: runs store work in worker processes (or threads) under a deadline;
- :mod:`kg.web.pages`: the pages beside the endpoint (query page, static files, entities);
- :mod:`kg.web.security`: the checks every request passes and the headers every answer carries;
- :mod:`kg.web.entity`: what the store says about one entity, as HTML (with a neighbourhood
  drawn in SVG) or JSON;
- :mod:`kg.web.layout`: the HTML shared by every page, escaping;
- ``static/``: the query page's HTML, JavaScript and CSS (served from the package, no CDN).
"""

from __future__ import annotations
