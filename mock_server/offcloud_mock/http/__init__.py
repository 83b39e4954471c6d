"""The mock's HTTP layer: app factory, routes, request pipeline, control plane, docs and presenters.

The presenters (`http.presenters`) alone decide what an answer looks like on the wire.
"""
