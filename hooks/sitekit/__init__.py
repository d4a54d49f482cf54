"""Shared code for the site's MkDocs hooks: registry, page scanning, checks, rendering.

The hook modules in ``hooks/`` stay short and call into this package; its modules are
imported once per process, so anything stateful is reset by the hooks on each build.
"""
