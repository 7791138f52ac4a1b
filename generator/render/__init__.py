"""Render: the link graph -> {path: Markdown page or finished file}. Pure: no I/O and no
site-engine import, so the engine adapter (generator/plugin.py) is all a new engine replaces.

`render.site.render` makes every file. The kit its pages are written with (`page`,
`formatting`, `addresses`) knows no record type by name: the types' own pages
(generator/types/) use it too.
"""
